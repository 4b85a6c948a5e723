# Ce que partagent toutes les pages après connexion (la barre de navigation, qui est connecté),
# le tableau de bord, la vue du réseau et les intermédiaires ; et les scripts des cartes et de
# la vue du réseau (messages js-).

## The navigation bar

nav-label = Pages
nav-dashboard = Tableau de bord
nav-actors = Acteurs
nav-map = Carte
nav-scenario = Scénario
nav-activations = Activations
nav-intermediaries = Intermédiaires
nav-network = Réseau
nav-import = Importer
nav-interview = Entretien
nav-research = Recherche
nav-admin = Administration
nav-search-label = Trouver un acteur
nav-search-field = Trouver un acteur par son nom
nav-search-placeholder = Chercher un nom
nav-search-button = Chercher

## Who is signed in: the token's label, then its role

nav-role = ({ $role })
nav-role-admin = administrateur
nav-role-coordinator = coordinateur
nav-role-analyst = analyste
nav-role-viewer = lecteur
nav-role-interviewer = enquêteur
nav-sign-out = Se déconnecter

## The dashboard

dashboard-heading = Le réseau en un coup d'œil
dashboard-reachable-before = {""}
dashboard-reachable-after = {" "}des personnes migrantes sont joignables par les intervenants ({ $reached } sur { $migrants } : en 3 liens au plus, par des liens dont les deux extrémités partagent une langue, tous canaux confondus).
dashboard-share = { $percent } %
dashboard-isolated-before = {""}
dashboard-isolated-after = {" "}{ $count ->
    [one] personne migrante n'a aucun lien qui puisse lui transmettre un message.
   *[other] personnes migrantes n'ont aucun lien qui puisse leur transmettre un message.
}
dashboard-withheld = Les effectifs de moins de { $threshold } personnes ne sont pas affichés (« – »), ni aucun effectif qui permettrait de les retrouver : { $count ->
    [one] { $count } case masquée.
   *[other] { $count } cases masquées.
}
dashboard-count = Effectif
dashboard-as-bar = En barre
dashboard-kinds-caption = Acteurs par type
dashboard-kinds-heading = Type
dashboard-cities-caption = Personnes migrantes par ville
dashboard-cities-heading = Ville
dashboard-languages-caption = Personnes migrantes par première langue
dashboard-languages-heading = Langue
dashboard-no-city = Sans ville
dashboard-imports-label = Les derniers imports
dashboard-imports-caption = Derniers imports (les vérifications sans écriture ne sont pas listées)
dashboard-imports-when = Quand
dashboard-imports-by = Par
dashboard-imports-outcome = Résultat
dashboard-imports-records = Enregistrements
dashboard-work-heading = Travailler avec le réseau
dashboard-work-find-actor = Trouver un acteur
dashboard-work-or-add = {" "}ou{" "}
dashboard-work-add-actor = en ajouter un
dashboard-work-scenario = Lancer un scénario de crise
dashboard-work-scenario-on = {" "}sur{" "}
dashboard-work-scenario-map = la carte
dashboard-work-scenario-after = {""}
dashboard-work-intermediaries = Trouver des intermédiaires de confiance
dashboard-work-intermediaries-after = {" "}pour une communauté ou une langue
dashboard-work-import = Importer
dashboard-work-import-or = {" "}un réseau, ou{" "}
dashboard-work-export = exporter tout le réseau
dashboard-work-export-after = {" "}(JSON)
dashboard-work-research = Mesures du réseau et exports pseudonymisés
dashboard-work-json = Ces effectifs en JSON

## The network view

view-title = Vue du réseau
view-intro-before = Qui est lié à qui, dessiné de sorte que les groupes soudés se tiennent ensemble. Les communautés sont détectées dans tout le réseau (Louvain) : une couleur désigne donc la même communauté, quelle que soit la partie affichée. Les villes et leurs liens{" "}
view-intro-located-in = situé à
view-intro-after = {" "}sont laissés de côté : ils rapprocheraient tout le monde.
view-city = Ville
view-whole-network = tout le réseau
view-community-number = Numéro de communauté
view-community-all = toutes
view-colour-by = Couleur selon
view-colour-community = Communauté
view-colour-kind = Type
view-show = Afficher
view-laying-out = Mise en place du réseau…
view-graph-label = Vue du réseau : les acteurs sont des points, les liens des traits ; la ligne d'état ci-dessus donne les nombres
view-actor = Acteur
view-click-a-dot = Cliquez sur un point pour savoir de qui il s'agit.
view-name = Nom
view-kind = Type
view-community = Communauté
view-ties-shown = Liens affichés
view-open-card = Ouvrir la fiche
view-legend = Légende
view-legend-hint = Choisissez une communauté pour l'afficher seule.

## The intermediaries

intermediaries-heading = Intermédiaires de confiance
intermediaries-intro-before = Organismes et personnes par qui les intervenants joignent les personnes migrantes : chacun{" "}
intermediaries-intro-bridges = relie
intermediaries-intro-after = {" "}au moins une personne migrante dont le chemin le plus fiable depuis un intervenant passe par lui (en 3 liens au plus, par des liens dont les deux extrémités partagent une langue). Pour savoir quels liens, à eux seuls, gardent des personnes migrantes à portée :{" "}
intermediaries-intro-reverify = revérifiez d'abord
intermediaries-intro-end = .
intermediaries-columns-summary = Ce que signifient les autres colonnes
intermediaries-trust-text = La confiance moyenne (de 0 à 1) de leurs liens qui peuvent transmettre un message.
intermediaries-betweenness-text = La fréquence à laquelle ils se trouvent sur les plus courts chemins entre les autres.
intermediaries-betweenness-sampled = La fréquence à laquelle ils se trouvent sur les plus courts chemins entre les autres (estimée à partir de { $count ->
    [one] { $count } point de départ
   *[other] { $count } points de départ
}).
intermediaries-brokerage = Taille effective et contrainte
intermediaries-brokerage-text = Les mesures de courtage de Burt : un courtier a une grande taille effective et une faible contrainte.
intermediaries-filter-label = Filtrer les intermédiaires
intermediaries-language = Langue parlée
intermediaries-city = Ville
intermediaries-any-city = toutes
intermediaries-filter = Filtrer
intermediaries-nothing-looked-up = Aucune recherche n'a été faite
intermediaries-unknown-language = Aucune langue ne s'appelle « { $typed } » : indiquez son nom, par exemple { $example }, ou son code, par exemple ara.
intermediaries-none = Aucun intermédiaire ne correspond.
intermediaries-showing = Intermédiaires { $first } à { $last } sur { $total }.
intermediaries-count = { $count ->
    [one] { $count } intermédiaire.
   *[other] { $count } intermédiaires.
}
intermediaries-col-name = Nom
intermediaries-col-bridged = Personnes reliées
intermediaries-col-trust = Confiance moyenne
intermediaries-col-betweenness = Intermédiarité
intermediaries-col-effective-size = Taille effective
intermediaries-col-constraint = Contrainte
intermediaries-col-city = Ville
intermediaries-col-kind = Type
intermediaries-col-languages = Langues
intermediaries-col-channels = Les joindre par
intermediaries-pages = Pages d'intermédiaires
intermediaries-previous = Page précédente
intermediaries-next = Page suivante

## Scripts: words (static/js/words.js)

js-words-list-separator = {", "}
js-words-channel-in-person = En personne
js-words-channel-phone = Téléphone
js-words-channel-sms = SMS
js-words-channel-whatsapp = WhatsApp
js-words-channel-radio = Radio
js-words-channel-social-media = Réseaux sociaux
js-words-channel-email = E-mail
js-words-kind-migrant = Personne migrante
js-words-kind-organisation = Organisme
js-words-kind-responder = Intervenant
js-words-kind-city = Ville

## Scripts: the maps (static/js/network-map.js)

js-map-open-card = Ouvrir la fiche
js-map-legend = Légende : { $title }
js-map-marker = { $kind } : { $name }
js-map-library-missing = La bibliothèque de cartes est absente : compilez relaymap avec Node.js (npm) installé.
js-map-answered = { $path } a répondu { $status }
js-map-status-zero = { $shown } acteur sur { $total } figure sur la carte (les autres n'ont pas de localisation).
js-map-status-one = { $shown } acteur sur { $total } figure sur la carte (les autres n'ont pas de localisation).
js-map-status-two = { $shown } acteurs sur { $total } figurent sur la carte (les autres n'ont pas de localisation).
js-map-status-few = { $shown } acteurs sur { $total } figurent sur la carte (les autres n'ont pas de localisation).
js-map-status-many = { $shown } acteurs sur { $total } figurent sur la carte (les autres n'ont pas de localisation).
js-map-status-other = { $shown } acteurs sur { $total } figurent sur la carte (les autres n'ont pas de localisation).

## Scripts: the network view (static/js/network.js)

js-view-kind-dot = { $kind } (point)
js-view-kind-diamond = { $kind } (losange)
js-view-community = Communauté { $community }
js-view-community-described-zero = Communauté { $community } : { $what } ({ $count } membre affiché)
js-view-community-described-one = Communauté { $community } : { $what } ({ $count } membre affiché)
js-view-community-described-two = Communauté { $community } : { $what } ({ $count } membres affichés)
js-view-community-described-few = Communauté { $community } : { $what } ({ $count } membres affichés)
js-view-community-described-many = Communauté { $community } : { $what } ({ $count } membres affichés)
js-view-community-described-other = Communauté { $community } : { $what } ({ $count } membres affichés)
js-view-smaller-communities = communautés plus petites
js-view-library-missing = La bibliothèque de graphes est absente : compilez relaymap avec Node.js (npm) installé.
js-view-not-drawn = Rien n'est dessiné : { $reason }
js-view-load-failed = La vue n'a pas pu se charger : { $reason }
js-view-status = { $actors } et { $ties } affichés ; { $communities } dans tout le réseau (dessiné avec { $renderer } en { $seconds } s).
js-view-status-actors-zero = { $count } acteur
js-view-status-actors-one = { $count } acteur
js-view-status-actors-two = { $count } acteurs
js-view-status-actors-few = { $count } acteurs
js-view-status-actors-many = { $count } acteurs
js-view-status-actors-other = { $count } acteurs
js-view-status-ties-zero = { $count } lien
js-view-status-ties-one = { $count } lien
js-view-status-ties-two = { $count } liens
js-view-status-ties-few = { $count } liens
js-view-status-ties-many = { $count } liens
js-view-status-ties-other = { $count } liens
js-view-status-communities-zero = { $count } communauté
js-view-status-communities-one = { $count } communauté
js-view-status-communities-two = { $count } communautés
js-view-status-communities-few = { $count } communautés
js-view-status-communities-many = { $count } communautés
js-view-status-communities-other = { $count } communautés
js-view-renderer-webgl = WebGL
js-view-renderer-canvas = canvas
