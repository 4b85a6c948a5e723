# The field interview (templates/pages/interview.html, static/js/interview.js, the service
# worker) and the list of interviews received (templates/pages/interviews.html).
# The interface speaks the interviewer's language; the questions themselves come from the
# protocol (graph-schema/interview-protocol.json), in the language the interview is held in.
# Script messages chosen by a count have one id per CLDR plural category; English never picks
# -zero, -two, -few or -many (Arabic does) but holds them, as every script message is in English.

## The interview page

interview-title = Interview
interview-outbox-heading = Interviews on this phone
interview-outbox-looking = Looking for interviews waiting to be sent…
interview-send-now = Send now
interview-noscript = The interview runs in the browser, so that it works without a connection: turn JavaScript on.
interview-loading = Loading the questions…
interview-back = Back
interview-next = Next
interview-link-received = Interviews received
interview-link-duplicates = Possible duplicates
# Shown as plain text by the service worker when the page is opened offline and was never kept.
interview-offline = Offline, and this page was never opened here with a connection.

## The list of interviews received

interview-list-title = Interviews received
interview-list-breadcrumb-interview = Interview
# Followed by an address of the API, then interview-list-intro-duplicates.
interview-list-intro = The latest { $count }, newest first. Each wrote the person interviewed (with the consent they gave), the people they named and a tie for each answer; the answers themselves are kept with the interview{" ("}
interview-list-intro-duplicates = {"). "}People named twice by different interviews show up among the{" "}
interview-list-intro-duplicates-link = possible duplicates
interview-list-intro-end = .
interview-list-empty = No interview yet.
interview-list-held-on = Held on
interview-list-person = Person interviewed
interview-list-language = Language
interview-list-named = People named
interview-list-sent-by = Sent by

## The script: the interview, one screen at a time

js-interview-title = Interview
js-interview-channel-in-person = In person
js-interview-channel-phone = Phone call
js-interview-channel-sms = SMS
js-interview-channel-whatsapp = WhatsApp
js-interview-channel-radio = Radio
js-interview-channel-social-media = Social media
js-interview-channel-email = Email
js-interview-kind-migrant = A person
js-interview-kind-organisation = A group or organisation
js-interview-kind-responder = An office or service
# Between the names of a list.
js-interview-list-separator = {", "}

# The interviews kept on this phone.
js-interview-outbox-all-sent = Every interview has been sent.
js-interview-outbox-waiting-one = { $count } interview waits to be sent. It is kept on this phone and sent when the connection is back.
js-interview-outbox-waiting-other = { $count } interviews wait to be sent. It is kept on this phone and sent when the connection is back.
js-interview-outbox-waiting-zero = { $count } interviews wait to be sent. It is kept on this phone and sent when the connection is back.
js-interview-outbox-waiting-two = { $count } interviews wait to be sent. It is kept on this phone and sent when the connection is back.
js-interview-outbox-waiting-few = { $count } interviews wait to be sent. It is kept on this phone and sent when the connection is back.
js-interview-outbox-waiting-many = { $count } interviews wait to be sent. It is kept on this phone and sent when the connection is back.
js-interview-outbox-refused = Nothing waits to be sent; the server refused what is listed below.
# One interview kept on this phone: who was interviewed, the day, and where it stands
# (one of the three messages that follow).
js-interview-item = { $name } ({ $day }): { $state }
js-interview-item-waiting = waiting
js-interview-item-refused = refused – { $reason }
js-interview-item-sign-in-again = Sign in again to send it.
# The reason when the server gave none: an HTTP status.
js-interview-refused-status = The server refused it ({ $status }).
js-interview-discard = Discard it
js-interview-discard-confirm = Discard this interview? Its answers are lost.

# The steps.
js-interview-step = Step { $step } of { $steps }
js-interview-next = Next
js-interview-send = Send the interview
js-interview-new-title = A new interview
js-interview-language-intro = Choose the language you will hold it in: the questions are shown in it, with English beneath.
js-interview-language-label = Interview language
js-interview-consent-hint = Read it to them, or let them read it. Tick only what they agree to: each on its own.
js-interview-consent-legend = They agree to
js-interview-consent-none = Without consent to at least one use, nothing is recorded: end the interview here.
js-interview-recorded = Recorded on { $day } by { $by }.
js-interview-ego-title = Who is being interviewed?
js-interview-ego-chosen = Chosen: { $name }
js-interview-ego-change = Choose someone else
js-interview-ego-languages = Languages they speak (first language first)
js-interview-ego-city = Where they live
js-interview-ego-city-unsaid = Not said
js-interview-ego-channels = How they can be reached
js-interview-ego-missing = Find the person in the roster, or write their name to add them.
js-interview-languages-unreadable = Give languages as listed, or as three-letter codes, separated by commas.
js-interview-roster-label = Find someone known
js-interview-roster-hint = Type two letters or more of the name.
js-interview-roster-offline = The roster needs the connection: add them as someone new (duplicates can be merged later).
js-interview-roster-nobody = Nobody known by that name: add them as someone new.
js-interview-roster-alike = May be the same as { $names }: ask which one.
js-interview-new-person = Or add someone new
js-interview-name = Name
js-interview-who-they-are = Who they are
js-interview-named-here = Named here
js-interview-named-none = Nobody named yet
js-interview-named-already = Someone they named already
js-interview-named-is-ego = That is the person interviewed.
js-interview-add = Add them
js-interview-name-first = Write their name first.
js-interview-remove = Remove
js-interview-about = About { $name }
js-interview-sociogram-too-few = Fewer than two people were named: there is nobody to link.
js-interview-sociogram-hint = Tap one person, then another who knows them. Optional.

# The summary before sending.
js-interview-summary-title = Check before sending
js-interview-summary-language = Language
js-interview-summary-consent = Consent
js-interview-summary-person = Person interviewed
js-interview-summary-new = { $name } (new)
js-interview-summary-named-one = { $count } person named
js-interview-summary-named-other = { $count } people named
js-interview-summary-named-zero = { $count } people named
js-interview-summary-named-two = { $count } people named
js-interview-summary-named-few = { $count } people named
js-interview-summary-named-many = { $count } people named
# Someone named and the questions that named them.
js-interview-summary-answers = { $name }: { $questions }
js-interview-summary-trust = trust { $trust }/5
js-interview-summary-links-one = { $count } link(s) between people named.
js-interview-summary-links-other = { $count } link(s) between people named.
js-interview-summary-links-zero = { $count } link(s) between people named.
js-interview-summary-links-two = { $count } link(s) between people named.
js-interview-summary-links-few = { $count } link(s) between people named.
js-interview-summary-links-many = { $count } link(s) between people named.

# Once sent.
js-interview-saved = Interview saved
js-interview-done-sending = Kept on this phone; sending it now.
js-interview-done-sent = Sent: the network has it.
js-interview-done-kept = Kept on this phone: it is sent as soon as the connection is back.
js-interview-another = Start another interview
js-interview-protocol-unavailable = The questions could not be loaded: open this page once with a connection.
