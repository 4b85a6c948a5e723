//! GraphML and GEXF 1.3: the graph formats of Gephi, NetworkX, igraph and R, each attribute
//! declared once with its type.

use std::io::Write;

use super::{Prepared, Type, Value};

/// Escapes text for XML attribute values and content. Characters XML 1.0 cannot hold at all
/// (C0 controls other than tab, newline and return) become U+FFFD.
fn escape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for c in raw.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#10;"),
            '\r' => out.push_str("&#13;"),
            '\t' => out.push_str("&#9;"),
            c if (c as u32) < 0x20 => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The type names of GraphML and of GEXF (the same words for the types relaymap uses).
fn type_name(kind: Type) -> &'static str {
    match kind {
        Type::Text | Type::List => "string",
        Type::Real => "double",
        Type::Count => "long",
        Type::Flag => "boolean",
    }
}

/// GraphML, directed (every tie keeps its source and target), each tie an edge with the tie id
/// as edge id and its trust also as `weight`.
pub(super) fn write_graphml(prepared: &Prepared, out: impl Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">"#
    )?;
    let metadata = prepared.metadata_fields();
    let nodes = prepared.schema(false);
    let edges = prepared.schema(true);
    for (i, (name, value)) in metadata.iter().enumerate() {
        writeln!(
            out,
            r#"  <key id="g{i}" for="graph" attr.name="{}" attr.type="{}"/>"#,
            escape(name),
            type_name(value.kind())
        )?;
    }
    for (prefix, target, schema) in [("n", "node", &nodes), ("e", "edge", &edges)] {
        for (i, (name, kind)) in schema.iter().enumerate() {
            writeln!(
                out,
                r#"  <key id="{prefix}{i}" for="{target}" attr.name="{name}" attr.type="{}"/>"#,
                type_name(*kind)
            )?;
        }
    }
    // The trust again as `weight`, the edge weight that Gephi and igraph read.
    writeln!(
        out,
        r#"  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>"#
    )?;
    writeln!(out, r#"  <graph id="relaymap" edgedefault="directed">"#)?;
    for (i, (_, value)) in metadata.iter().enumerate() {
        writeln!(
            out,
            r#"    <data key="g{i}">{}</data>"#,
            escape(&value.text())
        )?;
    }
    let key_of = |schema: &[(&str, Type)], name: &str| {
        schema
            .iter()
            .position(|(n, _)| *n == name)
            .expect("the schema holds every attribute")
    };
    let (actor_count, tie_count) = prepared.counts();
    for index in 0..actor_count {
        let (id, _, properties) = prepared.actor(index);
        write!(out, r#"    <node id="{}">"#, escape(&id))?;
        for (name, value) in &properties {
            write!(
                out,
                r#"<data key="n{}">{}</data>"#,
                key_of(&nodes, name),
                escape(&value.text())
            )?;
        }
        writeln!(out, "</node>")?;
    }
    for index in 0..tie_count {
        let (id, source, target, properties) = prepared.tie(index);
        write!(
            out,
            r#"    <edge id="{}" source="{}" target="{}">"#,
            escape(&id),
            escape(&source),
            escape(&target)
        )?;
        for (name, value) in &properties {
            write!(
                out,
                r#"<data key="e{}">{}</data>"#,
                key_of(&edges, name),
                escape(&value.text())
            )?;
            if *name == "trust" {
                write!(out, r#"<data key="weight">{}</data>"#, value.text())?;
            }
        }
        writeln!(out, "</edge>")?;
    }
    writeln!(out, "  </graph>\n</graphml>")?;
    out.flush()
}

/// GEXF 1.3, directed, static: node labels are names (ids when pseudonymised), edge weights are
/// trust, and the metadata goes in `<meta>` (creator, and the parameters as JSON in the
/// description).
pub(super) fn write_gexf(prepared: &Prepared, out: impl Write) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(out);
    let metadata = prepared.metadata();
    writeln!(out, r#"<?xml version="1.0" encoding="UTF-8"?>"#)?;
    writeln!(
        out,
        r#"<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">"#
    )?;
    writeln!(
        out,
        r#"  <meta lastmodifieddate="{}"><creator>{}</creator><description>{}</description></meta>"#,
        escape(metadata.snapshot_at.get(..10).unwrap_or_default()),
        escape(&metadata.generator),
        escape(&serde_json::to_string(metadata)?)
    )?;
    writeln!(
        out,
        r#"  <graph defaultedgetype="directed" mode="static" name="relaymap">"#
    )?;
    let nodes = prepared.schema(false);
    let edges = prepared.schema(true);
    for (class, schema) in [("node", &nodes), ("edge", &edges)] {
        writeln!(out, r#"    <attributes class="{class}" mode="static">"#)?;
        for (i, (name, kind)) in schema.iter().enumerate() {
            writeln!(
                out,
                r#"      <attribute id="{i}" title="{name}" type="{}"/>"#,
                type_name(*kind)
            )?;
        }
        writeln!(out, "    </attributes>")?;
    }
    let attvalues = |out: &mut dyn Write,
                     schema: &[(&str, Type)],
                     properties: &[(&str, Value)]|
     -> std::io::Result<()> {
        write!(out, "<attvalues>")?;
        for (name, value) in properties {
            let key = schema
                .iter()
                .position(|(n, _)| n == name)
                .expect("the schema holds every attribute");
            write!(
                out,
                r#"<attvalue for="{key}" value="{}"/>"#,
                escape(&value.text())
            )?;
        }
        write!(out, "</attvalues>")
    };
    let (actor_count, tie_count) = prepared.counts();
    writeln!(out, "    <nodes>")?;
    for index in 0..actor_count {
        let (id, _, properties) = prepared.actor(index);
        let label = properties
            .iter()
            .find(|(n, _)| *n == "name")
            .map_or(id.to_owned(), |(_, v)| v.text());
        write!(
            out,
            r#"      <node id="{}" label="{}">"#,
            escape(&id),
            escape(&label)
        )?;
        attvalues(&mut out, &nodes, &properties)?;
        writeln!(out, "</node>")?;
    }
    writeln!(out, "    </nodes>\n    <edges>")?;
    for index in 0..tie_count {
        let (id, source, target, properties) = prepared.tie(index);
        let weight = properties
            .iter()
            .find(|(n, _)| *n == "trust")
            .map_or("1".to_owned(), |(_, v)| v.text());
        write!(
            out,
            r#"      <edge id="{}" source="{}" target="{}" weight="{weight}">"#,
            escape(&id),
            escape(&source),
            escape(&target)
        )?;
        attvalues(&mut out, &edges, &properties)?;
        writeln!(out, "</edge>")?;
    }
    writeln!(out, "    </edges>\n  </graph>\n</gexf>")?;
    out.flush()
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(
            escape("a<b>&\"c'\n\u{1}"),
            "a&lt;b&gt;&amp;&quot;c&apos;&#10;\u{FFFD}"
        );
    }
}
