# The research, import and administration pages.

## The research page (templates/pages/research.html, src/http/pages/research.rs)

research-title = Recherche
research-heading = Le réseau en chiffres
# Split around the link to the summary as JSON.
research-intro-before = Le graphe des relais : personnes migrantes, organismes et intervenants, avec chaque lien capable de transmettre un message (définitions de NetworkX ;
research-intro-link = en JSON
research-intro-after = ).
research-suppressed = Les groupes de moins de cinq acteurs sont exclus des ventilations ({ $count ->
    [one] { $count } masqué
   *[other] { $count } masqués
}).
research-summary = Synthèse
research-actors = Acteurs
research-ties = Liens
research-density = Densité
research-components = Composantes
research-largest = Dans la plus grande
research-clustering = Clustering moyen
research-transitivity = Transitivité
research-communities = Communautés (Louvain)
research-modularity = Modularité
# A percentage; $percent is already written as the language writes numbers.
research-percent = { $percent } %
research-degree-caption = Acteurs par nombre de liens (degré)
research-degree-label = Acteurs par degré
research-capital-heading = Capital social
research-capital-shares = Sur l'ensemble des extrémités de liens : { $bonding } d'attachement, { $bridging } de passerelle, { $linking } de liaison.
research-tie-types-caption = Types de liens par première langue : la part des liens d'attachement (même type et même langue), de passerelle (entre langues ou types) et de liaison (vers des intervenants) parmi les extrémités de liens de chaque groupe
research-tie-types-label = Types de liens par première langue ; le tableau ci-dessous donne les mêmes chiffres
# A segment's tooltip in the tie-types chart.
research-bar-title = { $language } : { $percent }
# After a language's three shares in the tie-types chart.
research-tie-ends = ({ $count ->
    [one] { $count } extrémité
   *[other] { $count } extrémités
})
research-legend-bonding = attachement (gauche)
research-legend-bridging = passerelle (milieu)
research-legend-linking = liaison (droite)
research-bonding = Attachement
research-bridging = Passerelle
research-linking = Liaison
research-by-city = Par ville
research-city = Ville
research-by-language = Par première langue
research-language = Langue
research-downloads = Téléchargements
research-downloads-personal = Le réseau entier, sans les personnes migrantes qui n'ont pas donné leur consentement ; ajoutez des pseudonymes pour le partager avec des chercheurs.
research-downloads-pseudonymised = Pseudonymisé : les identifiants sont des pseudonymes à clé, les lieux une grille de 1 km, sans noms ni coordonnées.
# Links after a download's format (csv · with metrics · pseudonymised).
research-with-metrics = avec les métriques
research-pseudonymised = pseudonymisé
research-metrics-csv = Métriques par acteur (CSV)

## The import page (templates/pages/import.html, static/js/import.js)

import-title = Importation
# Split around the link to the export.
import-intro-before = Ajoutez ou mettez à jour des acteurs et des liens à partir de fichiers CSV (acteurs, liens ou les deux), ou d'un seul fichier de réseau : le document JSON ou le zip CSV que produit
import-intro-link = l'export
import-intro-after = de relaymap, ou un fichier de graphe en GraphML, GEXF ou node-link JSON (de relaymap, NetworkX, Gephi ou igraph), ou un export Network Canvas lu au moyen d'une correspondance enregistrée. Les fichiers sont d'abord vérifiés par rapport au réseau, sans rien écrire : chaque ligne erronée est listée ci-dessous, sinon ce que l'import écrirait, à confirmer. Un import se fait en entier ou pas du tout.
# Split around "HXL" (a link), followed by the two templates' file names.
import-templates-before = Partez des modèles, avec leur ligne
import-templates-after = :
import-files-legend = Les fichiers
import-actors-label = Acteurs (CSV)
import-ties-label = Liens (CSV)
import-document-label = …ou plutôt un seul fichier du réseau entier (JSON, GraphML, GEXF, node-link JSON, zip CSV)
# Split around two commands: relaymap import --graph FILE --mapping mapping.json, PUT /api/v1/mappings/NAME.
import-no-mapping-before = Un export Network Canvas est lu au moyen de la correspondance de son étude. Aucune correspondance n'est encore enregistrée : enregistrez-en une avec
import-no-mapping-or = ou
import-no-mapping-after = (graph-schema/README.md, « Network Canvas »).
import-mapping-label = Un export Network Canvas (son GraphML ou son zip) est lu au moyen de la correspondance de son étude
import-mapping-none = Pas un export Network Canvas
import-check-button = Vérifier les fichiers
import-progress-label = Envoi
import-confirm-button = Importer maintenant
import-errors-label = Ce que l'import a trouvé d'erroné
import-errors-caption = Lignes à corriger : rien n'a été écrit
import-col-file = Fichier
import-col-line = Ligne
import-col-field = Champ
import-col-problem = Problème

# The import page's script. The problems it lists, and its notes, are the API's (in English).
js-import-not-both = Choisissez soit des fichiers CSV, soit un seul fichier du réseau entier, pas les deux : ce fichier contient à lui seul tout le réseau. Retirez l'un des deux.
js-import-mapping-needs-file = Une correspondance lit un seul fichier, un export Network Canvas : choisissez-le comme fichier unique du réseau entier.
js-import-checking-sent = Vérification : { $percent } % envoyés
js-import-importing-sent = Importation : { $percent } % envoyés
js-import-checking-rows = Vérification : chaque ligne…
js-import-importing-rows = Importation : chaque ligne…
js-import-server-answered = le serveur a répondu { $status }
js-import-upload-failed = l'envoi a échoué
# What an import writes: "{ $created } and { $updated }" of actors, then of ties.
js-import-new-and-updated = { $created } et { $updated }
js-import-new-actors-one = { $count } nouvel acteur
js-import-new-actors-other = { $count } nouveaux acteurs
js-import-updated-actors-one = { $count } acteur mis à jour
js-import-updated-actors-other = { $count } acteurs mis à jour
js-import-new-ties-one = { $count } nouveau lien
js-import-new-ties-other = { $count } nouveaux liens
js-import-updated-ties-one = { $count } lien mis à jour
js-import-updated-ties-other = { $count } liens mis à jour
js-import-unchanged-one = ({ $count } inchangé, laissé tel quel)
js-import-unchanged-other = ({ $count } inchangés, laissés tels quels)
js-import-actors-and-ties = { $actors }, { $ties }
js-import-ready = Prêt : l'import écrirait { $what }. Rien n'est écrit tant que vous n'avez pas confirmé.
js-import-imported = Importé : { $what }.
# Something the server read differently or left out ($note: the API's words).
js-import-note = Remarque : { $note }.
js-import-nothing-checked = Rien n'a été vérifié : { $reason }
js-import-choose-file = Choisissez d'abord un fichier.
js-import-check-failed = La vérification n'a pas pu se faire : { $reason }
js-import-import-failed = L'importation n'a pas pu se faire : { $reason }

## The administration pages: tokens, a token issued, the audit trail
## (templates/pages/admin.html, token-issued.html, audit.html, src/http/pages/admin.rs)

admin-title = Administration
admin-heading = Jetons et journal d'audit
# Split around the link to the audit trail.
admin-intro = Chaque personne qui utilise relaymap a un jeton : il détermine ce qu'elle peut voir.
admin-intro-link = Le journal d'audit
admin-intro-after = enregistre chaque appel qui touche aux données des personnes, et chaque refus.
admin-tokens-heading = Jetons
admin-col-whose = Titulaire
admin-col-role = Rôle
admin-col-made = Créé
admin-col-expires = Expire
admin-col-state = État
admin-revoke = Révoquer
# A revoke link, to screen readers; $label: whose token it is.
admin-revoke-label = Révoquer le jeton de { $label }
admin-this-session = cette session
admin-state-active = Actif
admin-state-expired = Expiré
admin-state-revoked = Révoqué
# A token without an end.
admin-never = jamais
admin-done-revoked = Révoqué : le jeton et ses sessions ne fonctionnent plus.
admin-issue-heading = Émettre un jeton
admin-not-issued = Aucun jeton n'a été émis
admin-error-prefix = Erreur :
admin-label-label = Titulaire du jeton
admin-label-hint = Une équipe ou une personne, telle que le journal d'audit doit la nommer. Aucune donnée personnelle sur les personnes du réseau.
admin-error-label = Indiquez à qui appartient le jeton, par exemple « ONG du port, équipe de terrain ».
admin-role-legend = Ce qu'il permet
# The roles by name, and what each may do ("viewer: counts only").
admin-role-admin = administrateur
admin-role-coordinator = coordinateur
admin-role-analyst = analyste
admin-role-viewer = lecteur
admin-role-interviewer = enquêteur
admin-role-separator = {" : "}
admin-role-admin-may = tout, y compris les jetons et le journal d'audit
admin-role-coordinator-may = le réseau lui-même : noms, cartes, scénarios, imports
admin-role-analyst-may = données de recherche pseudonymisées et métriques
admin-role-viewer-may = des chiffres seulement
admin-role-interviewer-may = entretiens de terrain seulement : la page d'entretien et la liste des personnes par nom
admin-error-role = Choisissez ce que le jeton permet.
admin-days-label = Expire après (jours)
admin-days-hint = Vide : il n'expire jamais. Le jeton d'une équipe de terrain a intérêt à être de courte durée.
admin-error-days = Indiquez un nombre entier de jours de 1 à 3650, ou laissez vide.
admin-issue-button = Émettre le jeton

# Asking before a token is revoked; $label: whose token it is, $role: its role's name.
admin-revoke-title = Révoquer le jeton « { $label } » ?
admin-revoke-warning = Quiconque détient ce jeton de { $role } perd l'accès immédiatement, et toutes les sessions ouvertes avec lui prennent fin. C'est irréversible : émettez un nouveau jeton si cette personne a de nouveau besoin d'accès.
admin-revoke-button = Révoquer le jeton

admin-issued-title = Jeton émis
# Around whose token it is (in bold); $role: its role's name, $expires: when it expires.
admin-issued-before = Un jeton de { $role } pour
admin-issued-after = , qui expire le { $expires }. Remettez ce secret en main propre ou par un canal chiffré :
admin-issued-after-never = , sans date d'expiration. Remettez ce secret en main propre ou par un canal chiffré :
admin-warning-prefix = Avertissement :
admin-issued-warning = Il n'est affiché que maintenant : relaymap n'en garde que l'empreinte. Copiez-le avant de quitter cette page.
admin-back-to-tokens = Retour aux jetons

admin-audit-title = Journal d'audit
admin-audit-newest = { $count ->
    [1] La dernière entrée.
   *[other] Les { $count } dernières entrées.
}
admin-audit-older-intro = Entrées plus anciennes.
# Around the two words the trail keeps instead of names: withheld, erased.
admin-audit-kept-before = Les recherches sont conservées comme
admin-audit-kept-between = , les personnes effacées comme
admin-audit-kept-after = : le journal ne les nomme jamais.
admin-audit-entries = Entrées du journal
admin-col-when = Quand
admin-col-who = Qui
admin-col-call = Appel
admin-col-about = Objet
admin-col-outcome = Résultat
admin-col-records = Enregistrements
admin-audit-older = Entrées plus anciennes
