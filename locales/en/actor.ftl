# Actors: the list (/actors), an actor's card, the new-actor and delete pages, the forms'
# errors (the model's rules in words) and the duplicates to review (/duplicates).

## The list of actors

actor-list-title = Actors
actor-list-new = New actor
actor-list-duplicates-link = Possible duplicates
actor-list-find-label = Find actors
actor-list-name-label = Name, or part of it
actor-list-any = any
actor-list-language-label = Language
actor-list-find = Find
actor-list-error-heading = Nothing was looked up
actor-list-unknown-language = No language is called "{ $language }".
actor-list-empty = No actor matches.
actor-list-found-label = Actors found
actor-list-caption-page = Actors ({ $count } on this page)
actor-list-caption-all = Actors ({ $count })
actor-list-caption-more-page = More actors ({ $count } on this page)
actor-list-caption-more-all = More actors ({ $count })
actor-list-next = Next { $count } actors
actor-list-done-deleted = Deleted, with their ties.
actor-list-done-erased = Erased: no trace of them is left in relaymap.

## Columns and details (the list, the card, the duplicates)

actor-col-name = Name
actor-col-kind = Kind
actor-col-languages = Languages
actor-col-city = City
actor-col-reach = How to reach them
# A short column heading in narrow tables.
actor-col-reach-by = Reach them by

## An actor's card

actor-card-location = Location
actor-card-consent = Consent
# The languages, then the first one.
actor-card-languages-first = { $languages } (first: { $first })
actor-card-coordinates = { $lat }, { $lon }
actor-card-change = Change the details
actor-card-delete-link = Delete or erase
actor-card-save = Save the details
actor-card-created = Created. Add their ties below.
actor-card-saved = Saved.
actor-card-tie-added = Tie added.
actor-card-tie-removed = Tie removed.
actor-card-reach-heading = Who can reach { $name }
actor-card-reach-none = No responder reaches them within { $hops ->
    [one] { $hops } tie
   *[other] { $hops } ties
} over ties whose two ends share a language.
# One sentence in five parts: the second and the fourth are in bold.
actor-card-reach-hint-start = Each responder's
actor-card-reach-hint-fewest = fewest ties
actor-card-reach-hint-middle = to { $name }, and their
actor-card-reach-hint-reliable = most reliable path
actor-card-reach-hint-end = (the highest product of trust along it, within { $hops ->
    [one] { $hops } tie
   *[other] { $hops } ties
}), which can be longer.
actor-card-col-responder = Responder
actor-card-col-fewest = Fewest ties
actor-card-col-reliability = Reliability
actor-card-col-path = Most reliable path
actor-card-path-ties = { $count ->
    [one] { $count } tie:
   *[other] { $count } ties:
}
# Between the actors of a path, in reading order.
actor-card-path-arrow = →
actor-card-ties-heading = Ties ({ $count })
# One sentence around three numbers in bold: "Social capital: 2 bonding, 0 bridging and 1 linking ties."
actor-card-profile-start = Social capital:
actor-card-profile-bonding = bonding,
actor-card-profile-bridging = bridging and
actor-card-profile-linking = linking ties.
actor-card-no-ties = No ties yet.
actor-card-col-with = With
actor-card-col-trust = Trust
actor-card-col-channels = Channels
actor-card-col-verified = Verified
actor-card-col-capital = Capital
actor-card-remove = Remove
actor-card-remove-label = Remove the tie with { $name }

## Adding and removing a tie on the card

actor-tie-add = Add a tie
actor-tie-not-added = The tie was not added
actor-tie-other-label = With whom
actor-tie-other-hint = Their name (or id). Names are suggested as you type.
actor-tie-kind-label = What the tie is
actor-tie-trust-hint = From 0 (none) to 1 (complete); 0.5 when left empty.
actor-tie-channels-legend = Channels the tie uses
actor-tie-verified-label = Last verified
actor-tie-note-label = Note
actor-tie-note-hint = Only what the crisis cell needs; never legal status.
actor-tie-button = Add the tie
actor-tie-self = A tie joins two different actors: pick someone else.
actor-tie-pick-kind = Pick what the tie is.
actor-tie-trust-not-number = Trust is a number from 0 to 1, such as 0.8.
# $tie: the tie kind in words; $rule: what it may join; $kind: the other actor's kind ("a city").
actor-tie-kind-mismatch = A “{ $tie }” tie joins { $rule }; { $name } is { $kind }.
actor-tie-remove-title = Remove this tie?
# "Dawit is a member of Eritrean Association. ..."
actor-tie-remove-warning = { $source } { $relation } { $target }. Reach and coverage will no longer use this tie. It cannot be undone: to bring it back, add it again.
actor-tie-remove-button = Remove the tie

## The fields of an actor's form (new or changed)

actor-field-languages = Languages, first language first
# $example: two languages by name, as a list.
actor-field-languages-hint = Names or codes, comma-separated: { $example }
actor-field-no-city = none
actor-field-reach-legend = How they can be reached
actor-field-location-hint = (a migrant's is kept to a 100 m grid)
actor-field-latitude = Latitude
actor-field-longitude = Longitude
actor-field-consent-hint = (migrants only: what they agreed their data may be used for)
actor-field-expires = Expires on
actor-field-expires-hint = (optional; from that day on it counts as none)
actor-field-unknown-language = No language is called "{ $language }": give its name or its three-letter code.
actor-field-location-invalid = Give both the latitude and the longitude as decimal degrees, or neither.

## A new actor

actor-new-who = Who they are
actor-new-create = Create

## Deleting or erasing an actor

actor-delete-title = Delete or erase { $name }
actor-delete-nothing = Nothing was deleted
# $kind: "a migrant", "an organisation"...
actor-delete-summary = { $name } is { $kind } with { $ties ->
    [one] { $ties } tie
   *[other] { $ties } ties
}. Either way, they and their ties leave the network and every analysis at once.
actor-delete-how = How
actor-delete-delete = Delete
# Follows "Delete" in bold.
actor-delete-delete-text = : remove them and their ties. The audit trail keeps that they were deleted, by whom and when.
actor-delete-erase = Erase
# Follows "Erase" in bold.
actor-delete-erase-text = (the right to be forgotten): also remove every trace of them — from saved scenarios, from the audit trail's entries about them and from the database file.
actor-delete-warning = This cannot be undone. Backups made before keep them until they are deleted.
actor-delete-button = Delete { $name }
actor-delete-city-members = City { $id } is the city of { $count } actor(s); move them to another city first.

## Forms: shared words, and the errors of refused changes

form-cancel = Cancel
# Read out before a warning by screen readers.
form-warning-prefix = Warning:
# Read out before an error message by screen readers.
form-error-prefix = Error:
form-error-summary-heading = Nothing was saved
form-error-give-other = Give the other actor's name or id.
form-error-no-actor-called = No actor is called "{ $name }".
# $close: the actors whose name is close, with their ids.
form-error-no-actor-exactly = No actor is called exactly "{ $name }"; did you mean { $close }?
form-error-several-actors = Several actors are called "{ $name }": give the id of the one you mean ({ $listed }).
form-error-not-in-network = { $id } is not in the network.
form-error-self-distinct = An actor is not distinct from itself.
form-error-self-merge = An actor cannot be merged into itself.
# $from_kind, $into_kind: the kinds' codes; $from_a_kind, $into_a_kind: in words ("a migrant").
form-error-different-kinds = { $from } is a { $from_kind } and { $into } a { $into_kind }: only records of one kind are merged.
form-error-city-merge = Cities are not merged: move their actors to one city, then delete the other.
form-error-actor-not-found = Actor { $id } not found.
form-error-tie-not-found = Tie { $id } not found.

# What each tie kind may join.
form-tie-rule-knows = migrant to migrant
form-tie-rule-member-of = migrant to organisation
form-tie-rule-partners-with = organisations and responders to each other
form-tie-rule-serves = organisation or responder to migrant
form-tie-rule-located-in = migrant, organisation or responder to city

# The model's rules. $value: what was typed.
form-error-invalid-id = An id must be 1 to 64 characters: letters, digits, '-', '_', '.' or ':'.
form-error-unknown-actor-kind = Unknown actor kind "{ $value }": expected migrant, organisation, responder or city.
form-error-unknown-tie-kind = Unknown tie kind "{ $value }": expected knows, member_of, partners_with, serves or located_in.
form-error-empty-name = A name must not be empty.
form-error-invalid-name = A name must be at most 200 characters without control characters.
form-error-invisible-name = A name must have at least one visible character.
form-error-bidi-name = A name must not hold bidirectional control characters (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C).
form-error-bidi-note = A note must not hold bidirectional control characters (U+202A to U+202E, U+2066 to U+2069, U+200E, U+200F, U+061C).
form-error-invalid-language = Language "{ $value }" is not an ISO 639-3 code (three lowercase letters, like tir or ara).
# $code: the language's code; $name: its name.
form-error-duplicate-language = Language { $code } is listed twice.
form-error-unknown-channel = Unknown channel "{ $value }": expected in_person, phone, sms, whatsapp, radio, social_media or email.
form-error-latitude = Latitude must be a number from -90 to 90.
form-error-longitude = Longitude must be a number from -180 to 180.
form-error-half-location = A location needs both lat and lon.
form-error-trust = Trust must be greater than 0 and at most 1.
form-error-unknown-role = Unknown role "{ $value }": expected admin, coordinator, analyst, viewer or interviewer.
form-error-invalid-label = A label must be 1 to 100 characters, something visible, without control or bidirectional control characters.
form-error-not-a-number = "{ $value }" is not a number.
form-error-not-a-boolean = "{ $value }" is not a boolean: use true or false.
form-error-invalid-date = "{ $value }" is not a date: use YYYY-MM-DD.
form-error-invalid-timestamp = "{ $value }" is not an RFC 3339 timestamp.
form-error-attributes-not-object = Attributes must be a JSON object.
form-error-attributes-too-large = Attributes must be at most 4096 bytes as JSON.
form-error-note-too-long = A note must be at most 2000 characters.
form-error-missing = This field is required.
form-error-self-tie = A tie cannot join an actor to itself.
# $kind, $source, $target: codes; $tie, $a_source, $a_target: in words; $rule: what the kind may join.
form-error-kind-mismatch = A { $kind } tie cannot go from a { $source } to a { $target }: { $kind } joins { $rule }.
form-error-unknown-actor = Actor { $id } does not exist.
form-error-not-a-city = { $id } is not a city actor.
# $kind: the kind's code; $a_kind: in words.
form-error-kind-change = Actor { $id } is a { $kind }; an actor's kind cannot change (delete it and create it anew).
form-error-duplicate-id = Id { $id } appears twice in this import (first on line { $line }).
form-error-already-exists = { $id } already exists.
form-error-does-not-exist = { $id } does not exist.
# $kind: the code; $tie: in words; $other: the id of the tie already there.
form-error-twin-tie = { $source } already has a { $kind } tie to { $target } ({ $other }): update that tie instead of adding a twin.
form-error-unknown-column = Unknown column "{ $value }".

## Duplicates to review

duplicates-title = Duplicates
duplicates-heading = Possible duplicates
duplicates-intro = Interviews and imports by different people can record one person twice. These pairs look alike: similar names
    (also written in different scripts), the same city or languages, ties with the same people. Merging keeps the
    record you choose, moves every tie of the other to it, adds what only the other had (languages, channels, a
    location, a city) and deletes the other; consent stays only if both records had it. It cannot be undone.
duplicates-error-heading = Nothing was changed
duplicates-empty = No likely duplicate.
duplicates-pair = { $a } and { $b }
duplicates-alike = ({ $percent } % alike)
duplicates-side-by-side = { $a } and { $b }, side by side
duplicates-col-record = Record
duplicates-keep = Keep { $name } ({ $id }), merge { $other } into it
duplicates-distinct = They are two
duplicates-done-merged = Merged: one record is left, with every tie.
duplicates-done-distinct = Marked as two: the pair is not listed again.
duplicates-pair-unknown = The pair was not understood: reload the page.
# The reasons below, joined: "Similar names (0.94), same city."
duplicates-reasons = { $reasons }.
duplicates-reason-names = similar names ({ $likeness })
duplicates-reason-city = same city
duplicates-reason-languages = same languages
duplicates-reason-language = a language in common
duplicates-reason-ties = { $common } of { $all } { $all ->
    [one] tie
   *[other] ties
} in common

## Scripts: the names suggested as one types (static/js/suggest.js)

js-suggest-kind-migrant = migrant
js-suggest-kind-organisation = organisation
js-suggest-kind-responder = responder
js-suggest-kind-city = city
