# Words every page shares (src/http/pages/words.rs, static/js/words.js): kinds, channels,
# relations, outcomes, consent.

# Between the items of a list, and between the clauses of a sentence.
words-list-separator = {", "}
words-clause-separator = {" ; "}
# Between the last two choices of a short list ("an organisation or a responder").
words-or = {" ou "}

channel-in-person = En personne
channel-phone = Téléphone
channel-sms = SMS
channel-whatsapp = WhatsApp
channel-radio = Radio
channel-social-media = Réseaux sociaux
channel-email = E-mail

kind-migrant = Personne migrante
kind-organisation = Organisme
kind-responder = Intervenant
kind-city = Ville
kind-a-migrant = une personne migrante
kind-an-organisation = un organisme
kind-a-responder = un intervenant
kind-a-city = une ville

tie-kind-knows = connaît
tie-kind-member-of = membre de
tie-kind-partners-with = partenaire de
tie-kind-serves = sert
tie-kind-located-in = situé à

relation-knows = connaît
relation-member-of = est membre de
relation-has-member = a pour membre
relation-partners-with = est partenaire de
relation-serves = sert
relation-served-by = est servi par
relation-located-in = est situé à
relation-city-of = est la ville de
# A tie kind offered on an actor's card: the relation and the kinds of actor it may join.
tie-choice = { $relation } ({ $kinds })

capital-bonding = d'attachement
capital-bridging = de passerelle
capital-linking = de liaison

outcome-ok = Effectué
outcome-forbidden = Refusé : non autorisé
outcome-unauthenticated = Refusé : non connecté
outcome-csrf = Refusé : le formulaire était trop ancien
outcome-failed = Refusé : jeton inconnu
outcome-too-many-failures = Refusé : trop de connexions échouées
outcome-refused = Refusé : rien n'a été enregistré
outcome-conflict = Refusé : en conflit avec ce qui est enregistré
outcome-too-large = Refusé : trop volumineux
outcome-too-many = Refusé : trop de demandes à la fois
outcome-server-error = Échec : rien n'a été enregistré

purpose-warnings = Alertes d'urgence et aide
purpose-partners = Partage avec les organismes partenaires
purpose-research = Recherche anonymisée

consent-none = Non donné : visible par les coordinateurs seulement, jamais exporté.
consent-given = Donné pour : { $purposes }
consent-expired = Expiré (compte comme aucun) – était donné pour : { $purposes }
consent-recorded = enregistré le { $day }
consent-recorded-by = enregistré le { $day } par { $by }
consent-until = jusqu'au { $day }
# The whole sentence: the clauses above, joined.
consent-sentence = { $parts }.
