# The research, import and administration pages.

## The research page (templates/pages/research.html, src/http/pages/research.rs)

research-title = Research
research-heading = The network in numbers
# Split around the link to the summary as JSON.
research-intro-before = The relay graph: migrants, organisations and responders, with every tie that can carry a message (NetworkX definitions;
research-intro-link = as JSON
research-intro-after = ).
research-suppressed = Groups of fewer than five actors are left out of the breakdowns ({ $count } withheld).
research-summary = Summary
research-actors = Actors
research-ties = Ties
research-density = Density
research-components = Components
research-largest = In the largest
research-clustering = Average clustering
research-transitivity = Transitivity
research-communities = Communities (Louvain)
research-modularity = Modularity
# A percentage; $percent is already written as the language writes numbers.
research-percent = { $percent } %
research-degree-caption = Actors by number of ties (degree)
research-degree-label = Actors by degree
research-capital-heading = Social capital
research-capital-shares = Of all tie ends: { $bonding } bonding, { $bridging } bridging, { $linking } linking.
research-tie-types-caption = Tie types by first language: the share of bonding (same kind and language), bridging (across languages or kinds) and linking (to responders) among each group's tie ends
research-tie-types-label = Tie types by first language; the table below gives the same figures
# A segment's tooltip in the tie-types chart.
research-bar-title = { $language }: { $percent }
# After a language's three shares in the tie-types chart.
research-tie-ends = ({ $count } tie ends)
research-legend-bonding = bonding (left)
research-legend-bridging = bridging (middle)
research-legend-linking = linking (right)
research-bonding = Bonding
research-bridging = Bridging
research-linking = Linking
research-by-city = By city
research-city = City
research-by-language = By first language
research-language = Language
research-downloads = Downloads
research-downloads-personal = The whole network, without the migrants who have not consented; add pseudonyms for sharing with researchers.
research-downloads-pseudonymised = Pseudonymised: ids are keyed pseudonyms, locations a 1 km grid, no names or contacts.
# Links after a download's format (csv · with metrics · pseudonymised).
research-with-metrics = with metrics
research-pseudonymised = pseudonymised
research-metrics-csv = Per-actor metrics (CSV)

## The import page (templates/pages/import.html, static/js/import.js)

import-title = Import
# Split around the link to the export.
import-intro-before = Add or update actors and ties from CSV files (actors, ties, or both), or from one file of a network: the JSON document or the CSV zip that
import-intro-link = the export
import-intro-after = writes, or a graph file in GraphML, GEXF or node-link JSON (from relaymap, NetworkX, Gephi or igraph), or a Network Canvas export read through a saved mapping. The files are first checked against the network without writing anything: every bad row is listed below, or what the import would write, to confirm. An import is all or nothing.
# Split around "HXL" (a link), followed by the two templates' file names.
import-templates-before = Start from the templates, with their
import-templates-after = row:
import-files-legend = The files
import-actors-label = Actors (CSV)
import-ties-label = Ties (CSV)
import-document-label = …or one file of the whole network instead (JSON, GraphML, GEXF, node-link JSON, CSV zip)
# Split around two commands: relaymap import --graph FILE --mapping mapping.json, PUT /api/v1/mappings/NAME.
import-no-mapping-before = A Network Canvas export is read through its study's mapping. No mapping is saved yet: save one with
import-no-mapping-or = or
import-no-mapping-after = (graph-schema/README.md, “Network Canvas”).
import-mapping-label = A Network Canvas export (its GraphML or zip) is read through its study's mapping
import-mapping-none = Not a Network Canvas export
import-check-button = Check the files
import-progress-label = Upload
import-confirm-button = Import now
import-errors-label = What the import found wrong
import-errors-caption = Rows to fix: nothing was written
import-col-file = File
import-col-line = Line
import-col-field = Field
import-col-problem = Problem

# The import page's script. The problems it lists, and its notes, are the API's (in English).
js-import-not-both = Choose either CSV files or one file of the whole network, not both: that file holds the whole network on its own. Clear one of them.
js-import-mapping-needs-file = A mapping reads one file, a Network Canvas export: choose it as the one file of the whole network.
js-import-checking-sent = Checking: { $percent } % sent
js-import-importing-sent = Importing: { $percent } % sent
js-import-checking-rows = Checking: every row…
js-import-importing-rows = Importing: every row…
js-import-server-answered = the server answered { $status }
js-import-upload-failed = the upload failed
# What an import writes: "{ $created } and { $updated }" of actors, then of ties.
js-import-new-and-updated = { $created } and { $updated }
# In English the noun comes once, after the updated count, and covers both counts.
js-import-new-actors-one = { $count } new
js-import-new-actors-other = { $count } new
js-import-updated-actors-one = { $count } updated actors
js-import-updated-actors-other = { $count } updated actors
js-import-new-ties-one = { $count } new
js-import-new-ties-other = { $count } new
js-import-updated-ties-one = { $count } updated ties
js-import-updated-ties-other = { $count } updated ties
js-import-unchanged-one = ({ $count } unchanged, left as they are)
js-import-unchanged-other = ({ $count } unchanged, left as they are)
js-import-actors-and-ties = { $actors }, { $ties }
js-import-ready = Ready: the import would write { $what }. Nothing is written until you confirm.
js-import-imported = Imported: { $what }.
# Something the server read differently or left out ($note: the API's words).
js-import-note = Note: { $note }.
js-import-nothing-checked = Nothing was checked: { $reason }
js-import-choose-file = Choose a file first.
js-import-check-failed = The check could not run: { $reason }
js-import-import-failed = The import could not run: { $reason }

## The administration pages: tokens, a token issued, the audit trail
## (templates/pages/admin.html, token-issued.html, audit.html, src/http/pages/admin.rs)

admin-title = Admin
admin-heading = Tokens and the audit trail
# Split around the link to the audit trail.
admin-intro = Everyone who uses relaymap has a token: it decides what they can see.
admin-intro-link = The audit trail
admin-intro-after = records every call that touches people's data, and every refusal.
admin-tokens-heading = Tokens
admin-col-whose = Whose
admin-col-role = Role
admin-col-made = Made
admin-col-expires = Expires
admin-col-state = State
admin-revoke = Revoke
# A revoke link, to screen readers; $label: whose token it is.
admin-revoke-label = Revoke the token of { $label }
admin-this-session = this session
admin-state-active = Active
admin-state-expired = Expired
admin-state-revoked = Revoked
# A token without an end.
admin-never = never
admin-done-revoked = Revoked: the token and its sessions no longer work.
admin-issue-heading = Issue a token
admin-not-issued = No token was issued
admin-error-prefix = Error:
admin-label-label = Whose token
admin-label-hint = A team or a person, as the audit trail should name them. No personal data about the people in the network.
admin-error-label = Say whose token it is, such as “Harbour NGO, field team”.
admin-role-legend = What it may do
# The roles by name, and what each may do ("viewer: counts only").
admin-role-admin = admin
admin-role-coordinator = coordinator
admin-role-analyst = analyst
admin-role-viewer = viewer
admin-role-interviewer = interviewer
admin-role-separator = {": "}
admin-role-admin-may = everything, including tokens and the audit trail
admin-role-coordinator-may = the network itself: names, maps, scenarios, imports
admin-role-analyst-may = pseudonymised research data and metrics
admin-role-viewer-may = counts only
admin-role-interviewer-may = field interviews only: the interview page and the roster by name
admin-error-role = Choose what the token may do.
admin-days-label = Expires after (days)
admin-days-hint = Empty: it never expires. A field team's token is best short-lived.
admin-error-days = Give a whole number of days from 1 to 3650, or leave it empty.
admin-issue-button = Issue the token

# Asking before a token is revoked; $label: whose token it is, $role: its role's name.
admin-revoke-title = Revoke the token “{ $label }”?
admin-revoke-warning = Whoever holds this { $role } token loses access at once, and every session signed in with it ends. It cannot be undone: issue a new token if they need access again.
admin-revoke-button = Revoke the token

admin-issued-title = Token issued
# Around whose token it is (in bold); $role: its role's name, $expires: when it expires.
admin-issued-before = A { $role } token for
admin-issued-after = , expiring { $expires }. Hand this secret over in person or over an encrypted channel:
admin-issued-after-never = , expiring never. Hand this secret over in person or over an encrypted channel:
admin-warning-prefix = Warning:
admin-issued-warning = It is shown only now: relaymap keeps only its hash. Copy it before you leave this page.
admin-back-to-tokens = Back to the tokens

admin-audit-title = Audit trail
admin-audit-newest = The newest { $count } entries.
admin-audit-older-intro = Older entries.
# Around the two words the trail keeps instead of names: withheld, erased.
admin-audit-kept-before = Searches are kept as
admin-audit-kept-between = , erased people as
admin-audit-kept-after = : the trail never names them.
admin-audit-entries = Audit entries
admin-col-when = When
admin-col-who = Who
admin-col-call = Call
admin-col-about = About
admin-col-outcome = Outcome
admin-col-records = Records
admin-audit-older = Older entries
