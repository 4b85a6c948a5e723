-- City outlines (graph-schema/README.md, "City outlines"): a GeoJSON Polygon or MultiPolygon on
-- a city's row, drawn by the map pages. Applied once, in a transaction, when PRAGMA
-- user_version < 6. Deleted with the city; not part of the relay graph.
ALTER TABLE actors ADD COLUMN outline TEXT;
