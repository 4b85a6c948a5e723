# La carte du réseau (/map), le scénario de crise (/scenario) et les liens à revérifier en
# premier (/verification) ; leurs scripts : static/js/map.js, scenario.js, cascade.js.
# Les messages dont l'id commence par js- servent aux scripts ; leurs valeurs ({ $name }) sont
# remplies par le script ; pas de sélecteurs (un nombre choisit id-one, id-other...).

## La carte du réseau

map-page-title = Carte
map-title = Carte du réseau
map-show = Afficher
map-ties = Liens
map-only = Seulement
map-language = Langue
map-city = Ville
map-city-any = toutes
map-ties-over = Liens par
map-any-channel = tout canal
map-trust-at-least = Liens de confiance d'au moins
map-label = Carte des acteurs du réseau
map-loading = Chargement du réseau…

js-map-legend-title = Acteurs
js-map-legend-cluster = Plusieurs acteurs proches (leur nombre)
js-map-legend-tie = Lien (si coché)
js-map-legend-district = Quartier, nommé
js-map-loading-ties = Chargement des liens…
js-map-ties-too-many-one = { $count } lien visible, c'est trop pour être lisible : zoomez, resserrez les filtres ou ouvrez un acteur pour voir ses liens.
js-map-ties-too-many-other = { $count } liens visibles, c'est trop pour être lisible : zoomez, resserrez les filtres ou ouvrez un acteur pour voir ses liens.
js-map-ties-too-many-many = { $count } liens visibles, c'est trop pour être lisible : zoomez, resserrez les filtres ou ouvrez un acteur pour voir ses liens.
js-map-ties-drawn-one = { $count } lien tracé.
js-map-ties-drawn-other = { $count } liens tracés.
js-map-ties-drawn-many = { $count } liens tracés.
js-map-ties-hidden-one = Liens tracés : { $drawn } ; zoomez pour voir l'autre (ses extrémités sont regroupées ou hors de vue).
js-map-ties-hidden-other = Liens tracés : { $drawn } ; zoomez pour voir les { $count } autres (leurs extrémités sont regroupées ou hors de vue).
js-map-ties-hidden-many = Liens tracés : { $drawn } ; zoomez pour voir les { $count } autres (leurs extrémités sont regroupées ou hors de vue).
js-map-shown-one = { $count } acteur affiché.
js-map-shown-other = { $count } acteurs affichés.
js-map-shown-many = { $count } acteurs affichés.
js-map-could-not-load = La carte n'a pas pu se charger : { $error }

## Le scénario de crise

scenario-title = Scénario de crise
scenario-intro = Tracez la zone touchée sur la carte ou chargez-la depuis un fichier GeoJSON, choisissez ce qui fonctionne encore, puis lancez : parmi les migrants de la zone, qui les intervenants peuvent-ils joindre, par qui, et qui est coupé ?
scenario-map-label = Carte : tracez la zone touchée
scenario-area = Zone touchée
scenario-draw-start = Tracer la zone
scenario-draw-undo = Annuler le dernier coin
scenario-draw-finish = Terminer la zone
scenario-draw-cancel = Annuler le tracé
scenario-area-clear = Effacer la zone
scenario-area-file = …ou chargez-la depuis un fichier GeoJSON
scenario-no-area-yet = Pas encore de zone : tous les migrants comptent.
scenario-channels = Canaux qui fonctionnent encore (aucun coché : tous)
scenario-max-hops = Liens depuis un intervenant, au plus
scenario-min-trust = Confiance de chaque lien, au moins (0–1)
scenario-language-check = Les deux extrémités de chaque lien partagent une langue
scenario-exclude = Indisponibles (une organisation ou un intervenant qui ne peut pas agir)
scenario-exclude-add = Ajouter
scenario-run = Lancer le scénario
scenario-running = Scénario en cours
scenario-saved = Scénarios enregistrés
scenario-saved-pick = Un scénario enregistré
scenario-load = Charger et lancer
scenario-delete = Supprimer
scenario-save-as = Enregistrer celui-ci sous
scenario-name-placeholder = Inondation du port
scenario-save = Enregistrer
scenario-results = Résultats
scenario-download-csv = Télécharger le CSV
scenario-download-geojson = Télécharger le GeoJSON
scenario-print = Imprimer pour le mur
scenario-conditions = Conditions retenues
scenario-call-list = Liste d'appel : qui les intervenants appellent en premier
scenario-failures = Points de défaillance uniques : s'ils ne peuvent pas agir, d'autres sont coupés
scenario-by-language = Coupés, par première langue
scenario-cut-off = Coupés : joignez-les autrement
scenario-col-name = Nom
scenario-col-kind = Type
scenario-col-languages = Langues
scenario-col-reach-by = Les joindre par
scenario-col-adds = Ajoute
scenario-col-in-area = Dans la zone
scenario-col-cuts-off = Coupe
scenario-col-language = Langue
scenario-col-migrants = Nombre de migrants
scenario-col-reliability = Fiabilité
scenario-col-fewest-ties = Moins de liens
scenario-col-path = Chemin le plus fiable
scenario-cascade = Combien de temps le message met à se diffuser
scenario-cascade-hint = Une simulation : chaque paire d'acteurs transmet le message avec la confiance de leur lien, après le délai de son canal le plus rapide encore en service (en personne 2 h, téléphone 15 min, SMS 30 min, WhatsApp 15 min, radio et réseaux sociaux 1 h, e-mail 4 h). 1 000 tirages ; la bande contient neuf tirages sur dix.
scenario-simulate = Simuler la cascade
scenario-cascade-caption = Migrants joints à chaque heure : la ligne est la moyenne des tirages, la bande va du 5e au 95e centile.
scenario-col-by-hour = À l'heure
scenario-col-mean = Joints, moyenne
scenario-col-p5 = 5e centile
scenario-col-p95 = 95e centile
scenario-reached = Joints, chemin le plus fragile d'abord
scenario-reached-hint = Placez-vous sur un nom (tabulation, ou touchez-le) pour voir le chemin sur la carte.

js-scenario-headline-one = Migrants joints : { $reached } sur { $targets } ({ $coverage }) ; coupés : { $unreached }.
js-scenario-headline-other = Migrants joints : { $reached } sur { $targets } ({ $coverage }) ; coupés : { $unreached }.
js-scenario-headline-many = Migrants joints : { $reached } sur { $targets } ({ $coverage }) ; coupés : { $unreached }.
js-scenario-percent = { $value } %
js-scenario-printed = relaymap · scénario de crise, imprimé le { $when }
js-scenario-list-separator = {", "}
js-scenario-path-separator = {" → "}
js-scenario-legend-title = Scénario
js-scenario-legend-responder = Intervenant
js-scenario-legend-organisation = Organisation
js-scenario-legend-reached = Joint : chemin fragile (sombre) à fiable (jaune)
js-scenario-legend-cut-off = Coupé (anneau vide)
js-scenario-legend-outside = Hors de la zone, ou pas encore lancé
js-scenario-legend-area = Zone touchée
js-scenario-legend-path = Chemin de relais (touchez un migrant joint)
js-scenario-no-area-yet = Pas encore de zone : tous les migrants comptent.
js-scenario-no-area = Pas de zone : tous les migrants comptent.
js-scenario-area-set = Zone définie ({ $how }) : seuls les migrants à l'intérieur comptent.
js-scenario-area-drawn-one = tracée, { $count } coin
js-scenario-area-drawn-other = tracée, { $count } coins
js-scenario-area-drawn-many = tracée, { $count } coins
js-scenario-area-from-file = depuis le fichier { $file }
js-scenario-area-saved-with = enregistrée avec « { $name } »
js-scenario-corners-more-one = { $count } coin : cliquez sur la carte à chaque coin de la zone touchée.
js-scenario-corners-more-other = { $count } coins : cliquez sur la carte à chaque coin de la zone touchée.
js-scenario-corners-more-many = { $count } coins : cliquez sur la carte à chaque coin de la zone touchée.
js-scenario-corners-finish-one = { $count } coin : cliquez sur Terminer quand la zone est fermée.
js-scenario-corners-finish-other = { $count } coins : cliquez sur Terminer quand la zone est fermée.
js-scenario-corners-finish-many = { $count } coins : cliquez sur Terminer quand la zone est fermée.
js-scenario-cancelled-kept = Tracé annulé ; la zone reste telle qu'elle était.
js-scenario-cancelled-none = Tracé annulé : pas de zone, tous les migrants comptent.
js-scenario-not-geojson = Ce fichier n'est pas du GeoJSON : { $error }
js-scenario-more-one = { $count } de plus dans le CSV et sur la feuille imprimée.
js-scenario-more-other = { $count } de plus dans le CSV et sur la feuille imprimée.
js-scenario-more-many = { $count } de plus dans le CSV et sur la feuille imprimée.
js-scenario-path-one = Chemin vers { $name } : { $path } (fiabilité { $reliability }, { $count } lien).
js-scenario-path-other = Chemin vers { $name } : { $path } (fiabilité { $reliability }, { $count } liens).
js-scenario-path-many = Chemin vers { $name } : { $path } (fiabilité { $reliability }, { $count } liens).
js-scenario-cond-run-at = Lancé le
js-scenario-cond-area = Zone touchée
js-scenario-cond-area-drawn = tracée sur la carte
js-scenario-cond-area-none = aucune : tout le réseau
js-scenario-cond-channels = Canaux qui fonctionnent encore
js-scenario-cond-all-channels = tous les canaux
js-scenario-cond-hops = Liens depuis un intervenant
js-scenario-cond-at-most = au plus { $count }
js-scenario-cond-trust = Confiance de chaque lien
js-scenario-cond-at-least = au moins { $value }
js-scenario-cond-language = Langue partagée
js-scenario-cond-language-shared = les deux extrémités de chaque lien partagent une langue
js-scenario-cond-language-not-required = non exigée
js-scenario-cond-unavailable = Indisponibles
js-scenario-cond-nobody = personne
js-scenario-yes = oui
js-scenario-no = non
js-scenario-remove = Retirer
js-scenario-remove-label = Retirer { $name } des indisponibles
js-scenario-several-called = Plusieurs acteurs s'appellent « { $name } » : saisissez l'id de celui que vous voulez.
js-scenario-none-called = Aucun acteur ne s'appelle « { $name } ».
js-scenario-csv-failed = Le CSV n'a pas pu être produit : { $status }
js-scenario-saved-option = { $name } ({ $by }, { $date })
js-scenario-name-first = Donnez d'abord un nom au scénario.
js-scenario-saved-as = Enregistré sous « { $name } ».
js-scenario-not-saved = Non enregistré : { $error }
js-scenario-choose-first = Choisissez d'abord un scénario enregistré.
js-scenario-delete-confirm = Supprimer le scénario enregistré « { $name } » ? C'est irréversible.
js-scenario-deleted = « { $name } » supprimé.
js-scenario-not-deleted = Non supprimé : { $status }
js-scenario-running = En cours…
js-scenario-running-for = En cours… { $seconds } s
js-scenario-refused = Refusé : { $error }
js-scenario-done = Terminé en { $seconds } s. Touchez un migrant joint, ou parcourez la liste des joints ci-dessous, pour voir le chemin de relais.
js-scenario-could-not-run = Le scénario n'a pas pu être lancé : { $error }

## La simulation de la cascade (page du scénario)

js-cascade-hours = { $hours } h
js-cascade-run-first = Lancez d'abord le scénario.
js-cascade-simulating = Simulation de { $runs } tirages…
js-cascade-result-one = Après { $hours } h, migrants joints en moyenne : { $mean } sur { $targets } (de { $low } à { $high } dans neuf tirages sur dix) ; { $never } % ne sont joints dans aucun tirage.
js-cascade-result-other = Après { $hours } h, migrants joints en moyenne : { $mean } sur { $targets } (de { $low } à { $high } dans neuf tirages sur dix) ; { $never } % ne sont joints dans aucun tirage.
js-cascade-result-many = Après { $hours } h, migrants joints en moyenne : { $mean } sur { $targets } (de { $low } à { $high } dans neuf tirages sur dix) ; { $never } % ne sont joints dans aucun tirage.
js-cascade-could-not-run = La simulation n'a pas pu être lancée : { $error }

## Revérifier en premier (/verification)

verification-title = Revérifier en premier
verification-intro = Les liens qui, s'ils lâchaient, laisseraient à eux seuls des migrants hors de portée des intervenants (en trois liens au plus, par des liens dont les extrémités partagent une langue) : vérifiez-les en premier, ceux jamais vérifiés ou vérifiés il y a le plus longtemps avant les autres.
verification-empty = Aucun lien ne retient seul qui que ce soit : chaque migrant joint a un autre accès.
verification-caption-first = Les { $shown } premiers des { $total } liens
verification-caption-all = { $count ->
    [one] { $count } lien
   *[other] { $count } liens
}
verification-col-between = Entre
verification-col-and = et
verification-col-cut-off = Couperait
verification-col-last-verified = Dernière vérification
