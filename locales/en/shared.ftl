# What every signed-in page shares (the navigation bar, who is signed in), the dashboard, the
# network view and the intermediaries; and the scripts of the maps and the network view
# (static/js/network-map.js, network.js, words.js: the js- messages).

## The navigation bar

nav-label = Pages
nav-dashboard = Dashboard
nav-actors = Actors
nav-map = Map
nav-scenario = Scenario
nav-activations = Activations
nav-intermediaries = Intermediaries
nav-network = Network
nav-import = Import
nav-interview = Interview
nav-research = Research
nav-admin = Admin
nav-search-label = Find an actor
nav-search-field = Find an actor by name
nav-search-placeholder = Find by name
nav-search-button = Find

## Who is signed in: the token's label, then its role

nav-role = ({ $role })
nav-role-admin = admin
nav-role-coordinator = coordinator
nav-role-analyst = analyst
nav-role-viewer = viewer
nav-role-interviewer = interviewer
nav-sign-out = Sign out

## The dashboard

dashboard-heading = The network at a glance
# Around the share of migrants reachable, in bold ("12.3 %"). $reached and $migrants are
# counts, or "–" when withheld.
dashboard-reachable-before = {""}
dashboard-reachable-after = {" "}of migrants are reachable from the responders ({ $reached } of { $migrants }: within 3 ties, over ties whose ends share a language, any channel).
dashboard-share = { $percent } %
# Around the number of isolated migrants, in bold ($count: the number, or "–" when withheld).
dashboard-isolated-before = {""}
dashboard-isolated-after = {" "}migrants have no tie that could carry a message to them.
# $count: the cells withheld.
dashboard-withheld = Counts of fewer than { $threshold } people are not shown (“–”), nor any count that would give one away: { $count } cell(s) withheld.
dashboard-count = Count
dashboard-as-bar = As a bar
dashboard-kinds-caption = Actors by kind
dashboard-kinds-heading = Kind
dashboard-cities-caption = Migrants by city
dashboard-cities-heading = City
dashboard-languages-caption = Migrants by first language
dashboard-languages-heading = Language
dashboard-no-city = No city
dashboard-imports-label = The last imports
dashboard-imports-caption = Last imports (checks without writing are not listed)
dashboard-imports-when = When
dashboard-imports-by = By
dashboard-imports-outcome = Outcome
dashboard-imports-records = Records
dashboard-work-heading = Work with the network
# "Find an actor or add one": two links and the words between them.
dashboard-work-find-actor = Find an actor
dashboard-work-or-add = {" "}or{" "}
dashboard-work-add-actor = add one
# "Run a crisis scenario on the map": two links ("Run a crisis scenario", "the map"), the
# words between them and after them.
dashboard-work-scenario = Run a crisis scenario
dashboard-work-scenario-on = {" "}on{" "}
dashboard-work-scenario-map = the map
dashboard-work-scenario-after = {""}
dashboard-work-intermediaries = Find trusted intermediaries
dashboard-work-intermediaries-after = {" "}for a community or a language
# "Import a network, or export the whole network (JSON)": two links ("Import", "export the
# whole network") and the words between them and after them.
dashboard-work-import = Import
dashboard-work-import-or = {" "}a network, or{" "}
dashboard-work-export = export the whole network
dashboard-work-export-after = {" "}(JSON)
dashboard-work-research = Network metrics and pseudonymised exports
dashboard-work-json = These counts as JSON

## The network view

view-title = Network view
# Around "located in" (the tie kind, in italics).
view-intro-before = Who is tied to whom, drawn so that close-knit groups sit together. Communities are found in the whole network (Louvain), so a colour means the same community whichever part is shown. Cities and their{" "}
view-intro-located-in = located in
view-intro-after = {" "}ties are left out: they would pull everyone together.
view-city = City
view-whole-network = the whole network
view-community-number = Community number
view-community-all = all
view-colour-by = Colour by
view-colour-community = Community
view-colour-kind = Kind
view-show = Show
view-laying-out = Laying out the network…
view-graph-label = Network view: actors as dots, ties as lines; the status line above gives the counts
view-actor = Actor
view-click-a-dot = Click a dot to see who it is.
view-name = Name
view-kind = Kind
view-community = Community
view-ties-shown = Ties shown
view-open-card = Open the card
view-legend = Legend
view-legend-hint = Pick a community to draw it alone.

## The intermediaries

intermediaries-heading = Trusted intermediaries
# The introduction: before "bridges" (in bold), after it, the link "re-verify first", the end.
intermediaries-intro-before = Organisations and people through whom the responders reach migrants: each{" "}
intermediaries-intro-bridges = bridges
intermediaries-intro-after = {" "}at least one migrant, whose most reliable path from a responder passes through them (within 3 ties, over ties whose ends share a language). Which single ties hold migrants in reach:{" "}
intermediaries-intro-reverify = re-verify first
intermediaries-intro-end = .
intermediaries-columns-summary = What the other columns mean
intermediaries-trust-text = The average trust (0 to 1) of their ties that can carry a message.
intermediaries-betweenness-text = How often they lie on the shortest paths between others.
# Betweenness estimated from a sample of $count starting points.
intermediaries-betweenness-sampled = How often they lie on the shortest paths between others (estimated from { $count } starting points).
intermediaries-brokerage = Effective size and constraint
intermediaries-brokerage-text = Burt's brokerage measures: a broker has a large effective size and a low constraint.
intermediaries-filter-label = Filter the intermediaries
intermediaries-language = Language they speak
intermediaries-city = City
intermediaries-any-city = any
intermediaries-filter = Filter
intermediaries-nothing-looked-up = Nothing was looked up
# $typed: what was typed; $example: the name of Arabic.
intermediaries-unknown-language = No language is called "{ $typed }": give its name, such as { $example }, or its code, such as ara.
intermediaries-none = No intermediary matches.
intermediaries-showing = Showing { $first } to { $last } of { $total } intermediaries.
intermediaries-count = { $count ->
    [one] { $count } intermediary.
   *[other] { $count } intermediaries.
}
intermediaries-col-name = Name
intermediaries-col-bridged = Bridges
intermediaries-col-trust = Mean trust
intermediaries-col-betweenness = Betweenness
intermediaries-col-effective-size = Effective size
intermediaries-col-constraint = Constraint
intermediaries-col-city = City
intermediaries-col-kind = Kind
intermediaries-col-languages = Languages
intermediaries-col-channels = Reach them by
intermediaries-pages = Pages of intermediaries
intermediaries-previous = Previous page
intermediaries-next = Next page

## Scripts: words (static/js/words.js)

js-words-list-separator = {", "}
js-words-channel-in-person = In person
js-words-channel-phone = Phone
js-words-channel-sms = SMS
js-words-channel-whatsapp = WhatsApp
js-words-channel-radio = Radio
js-words-channel-social-media = Social media
js-words-channel-email = Email
js-words-kind-migrant = Migrant
js-words-kind-organisation = Organisation
js-words-kind-responder = Responder
js-words-kind-city = City

## Scripts: the maps (static/js/network-map.js)

js-map-open-card = Open the card
# The heading of a map's legend; $title: what it shows ("Actors").
js-map-legend = Legend: { $title }
# A marker, to screen readers: "Organisation: Harbour Aid".
js-map-marker = { $kind }: { $name }
js-map-library-missing = The map library is missing: build relaymap with Node.js (npm) installed.
# A request that failed: the address asked and the HTTP status.
js-map-answered = { $path } answered { $status }
# $shown of $total actors have a location (the plural follows $shown).
js-map-status-zero = { $shown } of { $total } actors on the map (the others have no location).
js-map-status-one = { $shown } of { $total } actors on the map (the others have no location).
js-map-status-two = { $shown } of { $total } actors on the map (the others have no location).
js-map-status-few = { $shown } of { $total } actors on the map (the others have no location).
js-map-status-many = { $shown } of { $total } actors on the map (the others have no location).
js-map-status-other = { $shown } of { $total } actors on the map (the others have no location).

## Scripts: the network view (static/js/network.js)

# In the legend when colouring by kind: how each kind is drawn.
js-view-kind-dot = { $kind } (dot)
js-view-kind-diamond = { $kind } (diamond)
js-view-community = Community { $community }
# A community: its number, its main languages and city ($what), and how many of it are shown.
js-view-community-described-zero = Community { $community }: { $what } ({ $count } shown)
js-view-community-described-one = Community { $community }: { $what } ({ $count } shown)
js-view-community-described-two = Community { $community }: { $what } ({ $count } shown)
js-view-community-described-few = Community { $community }: { $what } ({ $count } shown)
js-view-community-described-many = Community { $community }: { $what } ({ $count } shown)
js-view-community-described-other = Community { $community }: { $what } ({ $count } shown)
js-view-smaller-communities = smaller communities
js-view-library-missing = The graph library is missing: build relaymap with Node.js (npm) installed.
# $reason: the server's answer (in English).
js-view-not-drawn = Not drawn: { $reason }
js-view-load-failed = The view could not load: { $reason }
# The status line: "120 actors and 300 ties shown, in 8 communities overall (drawn with WebGL
# in 0.4 s)."; $actors, $ties and $communities are the messages below.
js-view-status = { $actors } and { $ties } shown, in { $communities } overall (drawn with { $renderer } in { $seconds } s).
js-view-status-actors-zero = { $count } actors
js-view-status-actors-one = { $count } actors
js-view-status-actors-two = { $count } actors
js-view-status-actors-few = { $count } actors
js-view-status-actors-many = { $count } actors
js-view-status-actors-other = { $count } actors
js-view-status-ties-zero = { $count } ties
js-view-status-ties-one = { $count } ties
js-view-status-ties-two = { $count } ties
js-view-status-ties-few = { $count } ties
js-view-status-ties-many = { $count } ties
js-view-status-ties-other = { $count } ties
js-view-status-communities-zero = { $count } communities
js-view-status-communities-one = { $count } communities
js-view-status-communities-two = { $count } communities
js-view-status-communities-few = { $count } communities
js-view-status-communities-many = { $count } communities
js-view-status-communities-other = { $count } communities
js-view-renderer-webgl = WebGL
js-view-renderer-canvas = canvas
