# L'entretien de terrain (templates/pages/interview.html, static/js/interview.js, le service
# worker) et la liste des entretiens reçus (templates/pages/interviews.html).
# L'interface parle la langue de l'enquêteur ; les questions viennent du protocole, dans la
# langue de l'entretien.

## La page de l'entretien

interview-title = Entretien
interview-outbox-heading = Entretiens sur ce téléphone
interview-outbox-looking = Recherche des entretiens en attente d'envoi…
interview-send-now = Envoyer maintenant
interview-noscript = L'entretien fonctionne dans le navigateur, pour marcher sans connexion : activez JavaScript.
interview-loading = Chargement des questions…
interview-back = Retour
interview-next = Suivant
interview-link-received = Entretiens reçus
interview-link-duplicates = Doublons possibles
interview-offline = Hors connexion, et cette page n'a jamais été ouverte ici avec une connexion.

## La liste des entretiens reçus

interview-list-title = Entretiens reçus
interview-list-breadcrumb-interview = Entretien
interview-list-intro = Les { $count } derniers, du plus récent au plus ancien. Chacun a enregistré la personne interrogée (avec le consentement donné), les personnes qu'elle a citées et un lien pour chaque réponse ; les réponses elles-mêmes sont conservées avec l'entretien{" ("}
interview-list-intro-duplicates = {"). "}Les personnes citées deux fois par des entretiens différents apparaissent parmi les{" "}
interview-list-intro-duplicates-link = doublons possibles
interview-list-intro-end = .
interview-list-empty = Aucun entretien pour l'instant.
interview-list-held-on = Date
interview-list-person = Personne interrogée
interview-list-language = Langue
interview-list-named = Personnes citées
interview-list-sent-by = Envoyé par

## Le script : l'entretien, un écran à la fois

js-interview-title = Entretien
js-interview-channel-in-person = En personne
js-interview-channel-phone = Appel téléphonique
js-interview-channel-sms = SMS
js-interview-channel-whatsapp = WhatsApp
js-interview-channel-radio = Radio
js-interview-channel-social-media = Réseaux sociaux
js-interview-channel-email = E-mail
js-interview-kind-migrant = Une personne
js-interview-kind-organisation = Un groupe ou une organisation
js-interview-kind-responder = Un bureau ou un service
js-interview-list-separator = {", "}

js-interview-outbox-all-sent = Tous les entretiens ont été envoyés.
js-interview-outbox-waiting-one = { $count } entretien attend d'être envoyé. Il est conservé sur ce téléphone et sera envoyé au retour de la connexion.
js-interview-outbox-waiting-other = { $count } entretiens attendent d'être envoyés. Ils sont conservés sur ce téléphone et seront envoyés au retour de la connexion.
js-interview-outbox-refused = Rien n'attend d'être envoyé ; le serveur a refusé ce qui est listé ci-dessous.
js-interview-item = { $name } ({ $day }) : { $state }
js-interview-item-waiting = en attente
js-interview-item-refused = refusé – { $reason }
js-interview-item-sign-in-again = Reconnectez-vous pour l'envoyer.
js-interview-refused-status = Le serveur l'a refusé ({ $status }).
js-interview-discard = L'abandonner
js-interview-discard-confirm = Abandonner cet entretien ? Ses réponses seront perdues.

js-interview-step = Étape { $step } sur { $steps }
js-interview-next = Suivant
js-interview-send = Envoyer l'entretien
js-interview-new-title = Un nouvel entretien
js-interview-language-intro = Choisissez la langue dans laquelle vous le mènerez : les questions s'y affichent, avec le français en dessous.
js-interview-language-label = Langue de l'entretien
js-interview-consent-hint = Lisez-le-lui, ou laissez la personne le lire. Ne cochez que ce qu'elle accepte : chaque point séparément.
js-interview-consent-legend = La personne accepte
js-interview-consent-none = Sans consentement à au moins un usage, rien n'est enregistré : terminez l'entretien ici.
js-interview-recorded = Enregistré le { $day } par { $by }.
js-interview-ego-title = Qui est interrogé ?
js-interview-ego-chosen = Choisi : { $name }
js-interview-ego-change = Choisir quelqu'un d'autre
js-interview-ego-languages = Langues parlées (la première langue d'abord)
js-interview-ego-city = Lieu de vie
js-interview-ego-city-unsaid = Non précisé
js-interview-ego-channels = Comment la joindre
js-interview-ego-missing = Trouvez la personne dans le répertoire, ou écrivez son nom pour l'ajouter.
js-interview-languages-unreadable = Indiquez les langues comme dans la liste, ou par leur code à trois lettres, séparées par des virgules.
js-interview-roster-label = Trouver une personne connue
js-interview-roster-hint = Tapez au moins deux lettres du nom.
js-interview-roster-offline = Le répertoire a besoin de la connexion : ajoutez la personne comme nouvelle (les doublons pourront être fusionnés plus tard).
js-interview-roster-nobody = Personne de connu sous ce nom : ajoutez la personne comme nouvelle.
js-interview-roster-alike = Peut-être la même que { $names } : demandez laquelle.
js-interview-new-person = Ou ajouter une nouvelle personne
js-interview-name = Nom
js-interview-who-they-are = Qui c'est
js-interview-named-here = Cités ici
js-interview-named-none = Personne n'est encore cité
js-interview-named-already = Quelqu'un de déjà cité
js-interview-named-is-ego = C'est la personne interrogée.
js-interview-add = L'ajouter
js-interview-name-first = Écrivez d'abord son nom.
js-interview-remove = Retirer
js-interview-about = À propos de { $name }
js-interview-sociogram-too-few = Moins de deux personnes ont été citées : il n'y a personne à relier.
js-interview-sociogram-hint = Touchez une personne, puis une autre qui la connaît. Facultatif.

js-interview-summary-title = Vérifier avant d'envoyer
js-interview-summary-language = Langue
js-interview-summary-consent = Consentement
js-interview-summary-person = Personne interrogée
js-interview-summary-new = { $name } (nouvelle)
js-interview-summary-named-one = { $count } personne citée
js-interview-summary-named-other = { $count } personnes citées
js-interview-summary-answers = { $name } : { $questions }
js-interview-summary-trust = confiance { $trust }/5
js-interview-summary-links-one = { $count } lien entre personnes citées.
js-interview-summary-links-other = { $count } liens entre personnes citées.

js-interview-saved = Entretien enregistré
js-interview-done-sending = Conservé sur ce téléphone ; envoi en cours.
js-interview-done-sent = Envoyé : le réseau l'a reçu.
js-interview-done-kept = Conservé sur ce téléphone : il sera envoyé dès le retour de la connexion.
js-interview-another = Commencer un autre entretien
js-interview-protocol-unavailable = Les questions n'ont pas pu être chargées : ouvrez cette page une fois avec une connexion.
