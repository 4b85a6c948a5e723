# Words every page shares (src/http/pages/words.rs, static/js/words.js): kinds, channels,
# relations, outcomes, consent.

# Between the items of a list, and between the clauses of a sentence.
words-list-separator = {", "}
words-clause-separator = {"; "}
# Between the last two choices of a short list ("an organisation or a responder").
words-or = {" o "}

channel-in-person = En persona
channel-phone = Teléfono
channel-sms = SMS
channel-whatsapp = WhatsApp
channel-radio = Radio
channel-social-media = Redes sociales
channel-email = Correo electrónico

kind-migrant = Migrante
kind-organisation = Organización
kind-responder = Equipo de respuesta
kind-city = Ciudad
kind-a-migrant = un migrante
kind-an-organisation = una organización
kind-a-responder = un equipo de respuesta
kind-a-city = una ciudad

tie-kind-knows = conoce a
tie-kind-member-of = miembro de
tie-kind-partners-with = socio de
tie-kind-serves = atiende a
tie-kind-located-in = ubicado en

relation-knows = conoce a
relation-member-of = es miembro de
relation-has-member = tiene como miembro a
relation-partners-with = es socio de
relation-serves = atiende a
relation-served-by = es atendido por
relation-located-in = está ubicado en
relation-city-of = es la ciudad de
# A tie kind offered on an actor's card: the relation and the kinds of actor it may join.
tie-choice = { $relation } ({ $kinds })

capital-bonding = de unión
capital-bridging = de puente
capital-linking = de vinculación

outcome-ok = Hecho
outcome-forbidden = Rechazado: no permitido
outcome-unauthenticated = Rechazado: sin sesión iniciada
outcome-csrf = Rechazado: el formulario era demasiado antiguo
outcome-failed = Rechazado: token desconocido
outcome-too-many-failures = Rechazado: demasiados inicios de sesión fallidos
outcome-refused = Rechazado: no se guardó nada
outcome-conflict = Rechazado: entra en conflicto con lo guardado
outcome-too-large = Rechazado: demasiado grande
outcome-too-many = Rechazado: demasiadas solicitudes a la vez
outcome-server-error = Error: no se guardó nada

purpose-warnings = Alertas de emergencia y ayuda
purpose-partners = Compartir con organizaciones asociadas
purpose-research = Investigación anonimizada

consent-none = No otorgado: visible solo para los coordinadores, nunca se exporta.
consent-given = Otorgado para: { $purposes }
consent-expired = Vencido (cuenta como ninguno) – se otorgó para: { $purposes }
consent-recorded = registrado el { $day }
consent-recorded-by = registrado el { $day } por { $by }
consent-until = hasta el { $day }
# The whole sentence: the clauses above, joined.
consent-sentence = { $parts }.
