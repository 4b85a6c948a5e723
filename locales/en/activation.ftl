# Running a crisis: the activations, an activation's live board, a relay's printed call sheet,
# the after-action report (templates/pages/activation*.html, templates/pages/call-sheet.html,
# templates/partials/activation-board.html, src/http/pages/activations.rs,
# static/js/activation.js, static/js/activation-map.js).

## Shared words

activation-list-title = Activations
activation-drill = Drill
activation-live = Live
activation-state-open = Open
activation-state-closed = Closed
activation-error-prefix = Error:
activation-none-yet = None yet.
activation-nobody = nobody
activation-call-sheet = Call sheet
activation-col-name = Name
activation-col-kind = Kind
activation-col-state = State
activation-col-scenario = Scenario
activation-col-started = Started
activation-col-contacts = Contacts
activation-col-languages = Languages
activation-col-language = Language
activation-col-reach-by = Reach them by
activation-col-adds = Adds
activation-col-so-far = So far
activation-col-record = Record
activation-col-migrants = Migrants
activation-col-when = When
activation-col-who = Who
activation-col-outcome = Outcome
activation-col-by = By
activation-col-note = Note
activation-col-after = After the start
activation-col-done = Done


# What came of a contact.
activation-outcome-reached = Reached: has the message
activation-outcome-confirmed = Confirmed receipt
activation-outcome-no-answer = No answer
activation-outcome-unavailable = Unavailable
activation-not-called-yet = Not called yet

## The list of activations

activation-list-intro-before = Run a crisis, or a drill, on a saved scenario: the call list tells whom to call first; each contact's outcome is recorded with one click, and the list moves on to the next-best relays when someone cannot be reached. Before an event,
activation-list-intro-link = re-verify first
activation-list-intro-after = the ties that alone hold migrants in reach.
activation-live-open = Open live activations
activation-live-relays-reached = Relays reached (live)
activation-live-migrants-confirmed = Migrants confirmed (live)
activation-drills-open = Open drills
activation-start-heading = Start an activation
activation-no-scenarios-before = There is no saved scenario yet:
activation-no-scenarios-link = prepare one on the crisis scenario page
activation-no-scenarios-after = and save it.
activation-name-label = Name
activation-name-placeholder = Harbour flood, 3 December
activation-scenario-label = Saved scenario
activation-drill-choice = A drill (marked as a drill everywhere, never counted with live figures)
activation-start-button = Start
activation-all-heading = All activations

## An activation's board

activation-title-drill = Drill: { $name }
activation-started-by = Started { $time } by { $who }.
activation-started-by-scenario = Started { $time } by { $who }, from the scenario “{ $scenario }”.
activation-board-open = Open.
activation-board-closed = Closed { $time }.
activation-report-link = After-action report
activation-map-heading = Where they are
activation-map-label = Map: migrants confirmed, reachable by the plan, and not reachable now
activation-contact-heading = Record a contact with anyone else
activation-contact-actor-label = Who (name or id)
activation-contact-actor-hint = A migrant confirming receipt, or a relay not on the list. Names are suggested as you type.
activation-outcome-legend = What came of it
activation-choice-confirmed = Confirmed receipt (a migrant)
activation-choice-reached = Reached: has the message and passes it on
activation-choice-no-answer = No answer (three in a row: unavailable)
activation-choice-unavailable = Unavailable: cannot relay
activation-note-label = Note (optional)
activation-record-button = Record
activation-end-heading = End it
activation-close-drill = Close this drill
activation-close-activation = Close this activation
activation-error-outcome = Choose what came of the call.
activation-error-already-closed = Activation { $id } is already closed.
activation-error-busy = Activation { $id } is being written by many at once; try again.

# The part of the board that is kept up to date.
activation-drill-banner = — not a real emergency. Its figures are kept apart from live ones.
activation-progress-relays-reached = Relays reached
activation-progress-migrants-confirmed = Migrants confirmed
activation-progress-plan-reaches = Migrants the plan reaches
activation-progress-of = { $reached } of { $targets }
activation-progress-unavailable = Unavailable
activation-call-list-heading = Call list
activation-call-list-replanned = Call list, re-planned
activation-call-list-empty = Nobody left to call: every reachable migrant is covered, or no relay is left.
activation-more-relays = { $count ->
    [one] { $count } more relay, adding fewer migrants
   *[other] { $count } more relays, each adding fewer migrants
}
activation-more-relays-label = More relays to call
activation-kind-inside-area = { $kind }, in the area
activation-button-reached = Reached
activation-button-no-answer = No answer
activation-button-unavailable = Unavailable
# A button's label for screen readers: the outcome, and whom it is about.
activation-button-for = { $outcome }: { $name }
activation-unreached-heading = Not yet reached, by first language
activation-replanning-heading = Re-planning
activation-change-unavailable = { $time }: { $name } unavailable.
activation-change-call-instead = Call instead: { $names }.
activation-change-off-list = Off the list: { $names }.
activation-contacts-heading = Contacts, latest first
# Between two sentences of a line (none in Japanese).
activation-sentence-separator = {" "}

## A relay's call sheet (printed)

activation-sheet-title = Call sheet: { $name }
activation-sheet-heading = Call sheet for { $name }
activation-sheet-made = { $activation }. Made { $time }.
activation-sheet-made-drill = { $activation } — a drill, not a real emergency. Made { $time }.
activation-sheet-relay = Relay
activation-sheet-relay-kind = { $name } ({ $kind })
activation-sheet-pass-heading = Pass the message on to
activation-sheet-nobody = Nobody: by the current plan, no one is reached through this relay.
activation-sheet-tick = Tick when done
activation-print-button = Print

## The after-action report

activation-report-title = Report: { $name }
activation-report-crumb = Report
activation-report-heading = After-action report: { $name }
# $started: when; $state: activation-report-still-open or activation-report-closed; then
# activation-report-attempts, -relays, -confirmations and -changes.
activation-report-summary = Started { $started }; { $state }. { $attempts }, { $relays }, { $confirmations }; { $changes }.
activation-report-still-open = still open
activation-report-closed = closed { $time }
activation-report-attempts = { $count ->
    [one] { $count } contact attempt
   *[other] { $count } contact attempts
}
activation-report-relays = { $count ->
    [one] { $count } relay reached
   *[other] { $count } relays reached
}
activation-report-confirmations = { $count ->
    [one] { $count } confirmation
   *[other] { $count } confirmations
}
activation-report-changes = { $count ->
    [one] the plan changed { $count } time
   *[other] the plan changed { $count } times
}
activation-failed-heading = Planned relays that failed
activation-report-none = None.
activation-failed-relay = { $name }, found unavailable after { $after }
activation-by-language-heading = Contacts by language
activation-report-no-contact = No contact was recorded.
activation-after-minutes = { $minutes } min
activation-after-hours = { $hours } h { $minutes } min

## The ties to re-verify (src/http/pages/activations.rs)

activation-verify-never = never

## Scripts: the board kept up to date, and its map

js-activation-up-to-date = Up to date at { $time }.
js-activation-refresh-failed = Could not bring the board up to date ({ $status }); trying again.
js-activation-offline = Offline: the board will catch up when the connection is back.
js-activation-not-recorded = Not recorded: { $reason }.
js-activation-recorded = Recorded.
js-activation-no-connection = Not recorded: no connection. Try again.
js-activation-map-counts = On the map: { $confirmed } confirmed, { $reachable } reachable by the plan, { $unreachable } not reachable now (of the migrants with a location).
js-activation-map-read-failed = The map could not read the activation ({ $status }).
js-activation-map-load-failed = The map could not load: { $error }
js-activation-legend-title = Activation
js-activation-legend-confirmed = Confirmed receipt
js-activation-legend-reachable = Reachable by the plan
js-activation-legend-unreachable = Not reachable now (hollow ring)
