# Words every page shares (src/http/pages/words.rs, static/js/words.js): kinds, channels,
# relations, outcomes, consent.

# Between the items of a list, and between the clauses of a sentence.
words-list-separator = {", "}
words-clause-separator = {"; "}
# Between the last two choices of a short list ("an organisation or a responder").
words-or = {" or "}

channel-in-person = In person
channel-phone = Phone
channel-sms = SMS
channel-whatsapp = WhatsApp
channel-radio = Radio
channel-social-media = Social media
channel-email = Email

kind-migrant = Migrant
kind-organisation = Organisation
kind-responder = Responder
kind-city = City
kind-a-migrant = a migrant
kind-an-organisation = an organisation
kind-a-responder = a responder
kind-a-city = a city

tie-kind-knows = knows
tie-kind-member-of = member of
tie-kind-partners-with = partners with
tie-kind-serves = serves
tie-kind-located-in = located in

relation-knows = knows
relation-member-of = is a member of
relation-has-member = has as a member
relation-partners-with = partners with
relation-serves = serves
relation-served-by = is served by
relation-located-in = is located in
relation-city-of = is the city of
# A tie kind offered on an actor's card: the relation and the kinds of actor it may join.
tie-choice = { $relation } ({ $kinds })

capital-bonding = bonding
capital-bridging = bridging
capital-linking = linking

outcome-ok = Done
outcome-forbidden = Refused: not allowed
outcome-unauthenticated = Refused: not signed in
outcome-csrf = Refused: the form was too old
outcome-failed = Refused: unknown token
outcome-too-many-failures = Refused: too many failed sign-ins
outcome-refused = Refused: nothing was written
outcome-conflict = Refused: it conflicts with what is stored
outcome-too-large = Refused: too large
outcome-too-many = Refused: too many at once
outcome-server-error = Failed: nothing was written

purpose-warnings = Emergency warnings and help
purpose-partners = Sharing with partner organisations
purpose-research = Anonymised research

consent-none = Not given: shown to coordinators only, never exported.
consent-given = Given for: { $purposes }
consent-expired = Expired (counts as none) – was given for: { $purposes }
consent-recorded = recorded on { $day }
consent-recorded-by = recorded on { $day } by { $by }
consent-until = until { $day }
# The whole sentence: the clauses above, joined.
consent-sentence = { $parts }.
