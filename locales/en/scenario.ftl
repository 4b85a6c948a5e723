# The network map (/map), the crisis scenario (/scenario) and the ties to re-verify first
# (/verification); their scripts: static/js/map.js, scenario.js, cascade.js.
# Messages whose id starts with js- are used by the scripts; their values ({ $name }) are
# filled in by the script; use no selectors in them (a count picks id-one, id-other...).
# Every plural form of a script message is here (zero, two, few, many for Arabic): the scripts
# receive only the ids English has.

## The network map

map-page-title = Map
map-title = Network map
map-show = Show
map-ties = Ties
map-only = Only
map-language = Language
map-city = City
map-city-any = any
map-ties-over = Ties over
map-any-channel = any channel
map-trust-at-least = Ties trusted at least
map-label = Map of the network's actors
map-loading = Loading the network…

js-map-legend-title = Actors
js-map-legend-cluster = Several actors close together (their number)
js-map-legend-tie = Tie (when ticked)
js-map-legend-district = District, named
js-map-loading-ties = Loading the ties…
js-map-ties-too-many-one = { $count } tie in view is too many to read: zoom in, narrow the filters, or open an actor to see their ties.
js-map-ties-too-many-other = { $count } ties in view are too many to read: zoom in, narrow the filters, or open an actor to see their ties.
js-map-ties-too-many-zero = { $count } ties in view are too many to read: zoom in, narrow the filters, or open an actor to see their ties.
js-map-ties-too-many-two = { $count } ties in view are too many to read: zoom in, narrow the filters, or open an actor to see their ties.
js-map-ties-too-many-few = { $count } ties in view are too many to read: zoom in, narrow the filters, or open an actor to see their ties.
js-map-ties-too-many-many = { $count } ties in view are too many to read: zoom in, narrow the filters, or open an actor to see their ties.
js-map-ties-drawn-one = { $count } tie drawn.
js-map-ties-drawn-other = { $count } ties drawn.
js-map-ties-drawn-zero = { $count } ties drawn.
js-map-ties-drawn-two = { $count } ties drawn.
js-map-ties-drawn-few = { $count } ties drawn.
js-map-ties-drawn-many = { $count } ties drawn.
# Chosen by $count, the ties left out; $drawn ties are on the map.
js-map-ties-hidden-one = { $drawn } ties drawn; zoom in to see the { $count } other (its ends are grouped or out of view).
js-map-ties-hidden-other = { $drawn } ties drawn; zoom in to see the { $count } others (their ends are grouped or out of view).
js-map-ties-hidden-zero = { $drawn } ties drawn; zoom in to see the { $count } others (their ends are grouped or out of view).
js-map-ties-hidden-two = { $drawn } ties drawn; zoom in to see the { $count } others (their ends are grouped or out of view).
js-map-ties-hidden-few = { $drawn } ties drawn; zoom in to see the { $count } others (their ends are grouped or out of view).
js-map-ties-hidden-many = { $drawn } ties drawn; zoom in to see the { $count } others (their ends are grouped or out of view).
js-map-shown-one = { $count } actor shown.
js-map-shown-other = { $count } actors shown.
js-map-shown-zero = { $count } actors shown.
js-map-shown-two = { $count } actors shown.
js-map-shown-few = { $count } actors shown.
js-map-shown-many = { $count } actors shown.
js-map-could-not-load = The map could not load: { $error }

## The crisis scenario

scenario-title = Crisis scenario
scenario-intro = Draw the affected area on the map or load it from a GeoJSON file, choose what still works, and run: who among the migrants inside can the responders reach, through whom, and who is cut off?
scenario-map-label = Map: draw the affected area
scenario-area = Affected area
scenario-draw-start = Draw the area
scenario-draw-undo = Undo the last corner
scenario-draw-finish = Finish the area
scenario-draw-cancel = Cancel drawing
scenario-area-clear = Clear the area
scenario-area-file = …or load it from a GeoJSON file
scenario-no-area-yet = No area yet: every migrant counts.
scenario-channels = Channels still working (none ticked: all)
scenario-max-hops = Ties from a responder, at most
scenario-min-trust = Trust of each tie, at least (0–1)
scenario-language-check = Each tie’s two ends share a language
scenario-exclude = Unavailable (an organisation or responder that cannot act)
scenario-exclude-add = Add
scenario-run = Run the scenario
scenario-running = Running the scenario
scenario-saved = Saved scenarios
scenario-saved-pick = A saved one
scenario-load = Load and run
scenario-delete = Delete
scenario-save-as = Save this one as
scenario-name-placeholder = Harbour flood
scenario-save = Save
scenario-results = Results
scenario-download-csv = Download CSV
scenario-download-geojson = Download GeoJSON
scenario-print = Print for the wall
scenario-conditions = Conditions
scenario-call-list = Call list: whom the responders call first
scenario-failures = Single points of failure: if they cannot act, others are cut off
scenario-by-language = Cut off, by first language
scenario-cut-off = Cut off: reach them another way
scenario-col-name = Name
scenario-col-kind = Kind
scenario-col-languages = Languages
scenario-col-reach-by = Reach them by
scenario-col-adds = Adds
scenario-col-in-area = In the area
scenario-col-cuts-off = Cuts off
scenario-col-language = Language
scenario-col-migrants = Migrants
scenario-col-reliability = Reliability
scenario-col-fewest-ties = Fewest ties
scenario-col-path = Most reliable path
scenario-cascade = How long the message takes to spread
scenario-cascade-hint = A simulation: each pair of actors passes the message on with the trust of their tie, after the delay of its fastest working channel (in person 2 h, phone 15 min, SMS 30 min, WhatsApp 15 min, radio and social media 1 h, email 4 h). 1,000 runs; the band holds nine runs in ten.
scenario-simulate = Simulate the cascade
scenario-cascade-caption = Migrants reached by each hour: the line is the mean over the runs, the band from the 5th to the 95th percentile.
scenario-col-by-hour = By hour
scenario-col-mean = Reached, mean
scenario-col-p5 = 5th percentile
scenario-col-p95 = 95th percentile
scenario-reached = Reached, weakest path first
scenario-reached-hint = Move to a name (tab, or tap it) to see the path on the map.

# The headline of the results; each value is shown in bold.
js-scenario-headline-one = { $reached } of { $targets } migrant reached ({ $coverage }); { $unreached } cut off.
js-scenario-headline-other = { $reached } of { $targets } migrants reached ({ $coverage }); { $unreached } cut off.
js-scenario-headline-zero = { $reached } of { $targets } migrants reached ({ $coverage }); { $unreached } cut off.
js-scenario-headline-two = { $reached } of { $targets } migrants reached ({ $coverage }); { $unreached } cut off.
js-scenario-headline-few = { $reached } of { $targets } migrants reached ({ $coverage }); { $unreached } cut off.
js-scenario-headline-many = { $reached } of { $targets } migrants reached ({ $coverage }); { $unreached } cut off.
js-scenario-percent = { $value } %
js-scenario-printed = relaymap · crisis scenario, printed { $when }
js-scenario-list-separator = {", "}
# Between the actors of a relay path, in the reading direction.
js-scenario-path-separator = {" → "}
js-scenario-legend-title = Scenario
js-scenario-legend-responder = Responder
js-scenario-legend-organisation = Organisation
js-scenario-legend-reached = Reached: weak path (dark) to reliable (yellow)
js-scenario-legend-cut-off = Cut off (hollow ring)
js-scenario-legend-outside = Outside the area, or not run yet
js-scenario-legend-area = Affected area
js-scenario-legend-path = Relay path (tap a reached migrant)
js-scenario-no-area-yet = No area yet: every migrant counts.
js-scenario-no-area = No area: every migrant counts.
# $how: how the area was made (js-scenario-area-drawn, -from-file, -saved-with).
js-scenario-area-set = Area set ({ $how }): only migrants inside it count.
js-scenario-area-drawn-one = drawn, { $count } corner
js-scenario-area-drawn-other = drawn, { $count } corners
js-scenario-area-drawn-zero = drawn, { $count } corners
js-scenario-area-drawn-two = drawn, { $count } corners
js-scenario-area-drawn-few = drawn, { $count } corners
js-scenario-area-drawn-many = drawn, { $count } corners
js-scenario-area-from-file = from the file { $file }
js-scenario-area-saved-with = saved with “{ $name }”
js-scenario-corners-more-one = { $count } corner: click the map at each corner of the affected area.
js-scenario-corners-more-other = { $count } corners: click the map at each corner of the affected area.
js-scenario-corners-more-zero = { $count } corners: click the map at each corner of the affected area.
js-scenario-corners-more-two = { $count } corners: click the map at each corner of the affected area.
js-scenario-corners-more-few = { $count } corners: click the map at each corner of the affected area.
js-scenario-corners-more-many = { $count } corners: click the map at each corner of the affected area.
js-scenario-corners-finish-one = { $count } corner: Finish when the area is closed in.
js-scenario-corners-finish-other = { $count } corners: Finish when the area is closed in.
js-scenario-corners-finish-zero = { $count } corners: Finish when the area is closed in.
js-scenario-corners-finish-two = { $count } corners: Finish when the area is closed in.
js-scenario-corners-finish-few = { $count } corners: Finish when the area is closed in.
js-scenario-corners-finish-many = { $count } corners: Finish when the area is closed in.
js-scenario-cancelled-kept = Drawing cancelled; the area stays as it was.
js-scenario-cancelled-none = Drawing cancelled: no area, every migrant counts.
js-scenario-not-geojson = That file is not GeoJSON: { $error }
js-scenario-more-one = { $count } more in the CSV and on the printed sheet.
js-scenario-more-other = { $count } more in the CSV and on the printed sheet.
js-scenario-more-zero = { $count } more in the CSV and on the printed sheet.
js-scenario-more-two = { $count } more in the CSV and on the printed sheet.
js-scenario-more-few = { $count } more in the CSV and on the printed sheet.
js-scenario-more-many = { $count } more in the CSV and on the printed sheet.
js-scenario-path-one = Path to { $name }: { $path } (reliability { $reliability }, { $count } tie).
js-scenario-path-other = Path to { $name }: { $path } (reliability { $reliability }, { $count } ties).
js-scenario-path-zero = Path to { $name }: { $path } (reliability { $reliability }, { $count } ties).
js-scenario-path-two = Path to { $name }: { $path } (reliability { $reliability }, { $count } ties).
js-scenario-path-few = Path to { $name }: { $path } (reliability { $reliability }, { $count } ties).
js-scenario-path-many = Path to { $name }: { $path } (reliability { $reliability }, { $count } ties).
js-scenario-cond-run-at = Run at
js-scenario-cond-area = Affected area
js-scenario-cond-area-drawn = drawn on the map
js-scenario-cond-area-none = none: the whole network
js-scenario-cond-channels = Channels still working
js-scenario-cond-all-channels = all channels
js-scenario-cond-hops = Ties from a responder
js-scenario-cond-at-most = at most { $count }
js-scenario-cond-trust = Trust of each tie
js-scenario-cond-at-least = at least { $value }
js-scenario-cond-language = Shared language
js-scenario-cond-language-shared = each tie’s two ends share a language
js-scenario-cond-language-not-required = not required
js-scenario-cond-unavailable = Unavailable
js-scenario-cond-nobody = nobody
js-scenario-yes = yes
js-scenario-no = no
js-scenario-remove = Remove
js-scenario-remove-label = Remove { $name } from the unavailable
js-scenario-several-called = Several actors are called “{ $name }”: type the id of the one you mean.
js-scenario-none-called = No actor is called “{ $name }”.
js-scenario-csv-failed = The CSV could not be made: { $status }
js-scenario-saved-option = { $name } ({ $by }, { $date })
js-scenario-name-first = Give the scenario a name first.
js-scenario-saved-as = Saved as “{ $name }”.
js-scenario-not-saved = Not saved: { $error }
js-scenario-choose-first = Choose a saved scenario first.
js-scenario-delete-confirm = Delete the saved scenario “{ $name }”? This cannot be undone.
js-scenario-deleted = Deleted “{ $name }”.
js-scenario-not-deleted = Not deleted: { $status }
js-scenario-running = Running…
js-scenario-running-for = Running… { $seconds } s
js-scenario-refused = Refused: { $error }
js-scenario-done = Done in { $seconds } s. Tap a reached migrant, or move through the reached list below, to see the relay path.
js-scenario-could-not-run = The scenario could not run: { $error }

## The cascade simulation (scenario page)

js-cascade-hours = { $hours } h
js-cascade-run-first = Run the scenario first.
js-cascade-simulating = Simulating { $runs } runs…
# Chosen by $targets.
js-cascade-result-one = After { $hours } h, { $mean } of { $targets } migrant reached on average ({ $low } to { $high } in nine runs out of ten); { $never } % reached in no run.
js-cascade-result-other = After { $hours } h, { $mean } of { $targets } migrants reached on average ({ $low } to { $high } in nine runs out of ten); { $never } % reached in no run.
js-cascade-result-zero = After { $hours } h, { $mean } of { $targets } migrants reached on average ({ $low } to { $high } in nine runs out of ten); { $never } % reached in no run.
js-cascade-result-two = After { $hours } h, { $mean } of { $targets } migrants reached on average ({ $low } to { $high } in nine runs out of ten); { $never } % reached in no run.
js-cascade-result-few = After { $hours } h, { $mean } of { $targets } migrants reached on average ({ $low } to { $high } in nine runs out of ten); { $never } % reached in no run.
js-cascade-result-many = After { $hours } h, { $mean } of { $targets } migrants reached on average ({ $low } to { $high } in nine runs out of ten); { $never } % reached in no run.
js-cascade-could-not-run = The simulation could not run: { $error }

## Re-verify first (/verification)

verification-title = Re-verify first
verification-intro = The ties that, if they failed, would alone leave migrants out of the responders’ reach (within three ties, over ties whose ends share a language): check them first, those never verified or verified longest ago before others.
verification-empty = No single tie holds anyone: every reached migrant has another way in.
verification-caption-first = The first { $shown } of { $total } ties
verification-caption-all = { $count ->
    [one] { $count } tie
   *[other] { $count } ties
}
verification-col-between = Between
verification-col-and = and
verification-col-cut-off = Would cut off
verification-col-last-verified = Last verified
