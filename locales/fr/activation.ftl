# Gérer une crise : les activations, le tableau de bord en direct d'une activation, la fiche
# d'appel imprimée d'un relais, le rapport après action.

## Shared words

activation-list-title = Activations de crise
activation-drill = Exercice
activation-live = Réelle
activation-state-open = Ouverte
activation-state-closed = Clôturée
activation-error-prefix = Erreur :
activation-none-yet = Aucune pour l'instant.
activation-nobody = personne
activation-call-sheet = Fiche d'appel
activation-col-name = Nom
activation-col-kind = Type
activation-col-state = État
activation-col-scenario = Scénario
activation-col-started = Début
activation-col-contacts = Prises de contact
activation-col-languages = Langues
activation-col-language = Langue
activation-col-reach-by = Les joindre par
activation-col-adds = Ajoute
activation-col-so-far = Jusqu'ici
activation-col-record = Enregistrer
activation-col-migrants = Migrants restants
activation-col-when = Quand
activation-col-who = Qui
activation-col-outcome = Résultat
activation-col-by = Par
activation-col-note = Remarque
activation-col-after = Après le début
activation-col-done = Fait


activation-outcome-reached = Joint : a le message
activation-outcome-confirmed = Réception confirmée
activation-outcome-no-answer = Pas de réponse
activation-outcome-unavailable = Indisponible
activation-not-called-yet = Pas encore appelé

## The list of activations

activation-list-intro-before = Gérez une crise, ou un exercice, à partir d'un scénario enregistré : la liste d'appels indique qui appeler en premier ; le résultat de chaque prise de contact s'enregistre en un clic, et la liste passe aux meilleurs relais suivants quand quelqu'un ne peut pas être joint. Avant un événement,
activation-list-intro-link = revérifiez en priorité
activation-list-intro-after = les liens qui, à eux seuls, permettent de joindre des migrants.
activation-live-open = Activations réelles ouvertes
activation-live-relays-reached = Relais joints (réel)
activation-live-migrants-confirmed = Migrants ayant confirmé (réel)
activation-drills-open = Exercices ouverts
activation-start-heading = Lancer une activation
activation-no-scenarios-before = Il n'y a pas encore de scénario enregistré :
activation-no-scenarios-link = préparez-en un sur la page du scénario de crise
activation-no-scenarios-after = et enregistrez-le.
activation-name-label = Nom
activation-name-placeholder = Crue du port, 3 décembre
activation-scenario-label = Scénario enregistré
activation-drill-choice = Un exercice (signalé comme exercice partout, jamais compté avec les chiffres réels)
activation-start-button = Lancer
activation-all-heading = Toutes les activations

## An activation's board

activation-title-drill = Exercice : { $name }
activation-started-by = Démarrée à { $time } par { $who }.
activation-started-by-scenario = Démarrée à { $time } par { $who }, à partir du scénario « { $scenario } ».
activation-board-open = Ouverte.
activation-board-closed = Clôturée à { $time }.
activation-report-link = Rapport après action
activation-map-heading = Où ils se trouvent
activation-map-label = Carte : migrants ayant confirmé, joignables par le plan, et injoignables pour l'instant
activation-contact-heading = Enregistrer une prise de contact avec une autre personne
activation-contact-actor-label = Qui (nom ou identifiant)
activation-contact-actor-hint = Un migrant qui confirme la réception, ou un relais absent de la liste. Des noms sont proposés pendant la saisie.
activation-outcome-legend = Ce qui en est ressorti
activation-choice-confirmed = Réception confirmée (un migrant)
activation-choice-reached = Joint : a le message et le transmet
activation-choice-no-answer = Pas de réponse (trois de suite : indisponible)
activation-choice-unavailable = Indisponible : ne peut pas relayer
activation-note-label = Remarque (facultatif)
activation-record-button = Enregistrer
activation-end-heading = Y mettre fin
activation-close-drill = Clôturer cet exercice
activation-close-activation = Clôturer cette activation
activation-error-outcome = Choisissez ce qui est ressorti de l'appel.
activation-error-already-closed = L'activation { $id } est déjà clôturée.
activation-error-busy = L'activation { $id } est modifiée par trop de personnes à la fois ; réessayez.

activation-drill-banner = — pas une véritable urgence. Ses chiffres sont tenus à part des chiffres réels.
activation-progress-relays-reached = Relais joints
activation-progress-migrants-confirmed = Migrants ayant confirmé
activation-progress-plan-reaches = Migrants que le plan permet de joindre
activation-progress-of = { $reached } sur { $targets }
activation-progress-unavailable = Indisponibles
activation-call-list-heading = Liste d'appels
activation-call-list-replanned = Liste d'appels, replanifiée
activation-call-list-empty = Plus personne à appeler : chaque migrant joignable est couvert, ou il ne reste aucun relais.
activation-more-relays = { $count ->
    [one] { $count } relais de plus, qui ajoute moins de migrants
   *[other] { $count } relais de plus, chacun ajoutant moins de migrants
}
activation-more-relays-label = Autres relais à appeler
activation-kind-inside-area = { $kind }, dans la zone
activation-button-reached = Joint
activation-button-no-answer = Pas de réponse
activation-button-unavailable = Indisponible
activation-button-for = { $outcome } : { $name }
activation-unreached-heading = Pas encore joints, par première langue
activation-replanning-heading = Replanification
activation-change-unavailable = { $time } : { $name } indisponible.
activation-change-call-instead = Appeler à la place : { $names }.
activation-change-off-list = Retirés de la liste : { $names }.
activation-contacts-heading = Prises de contact, les plus récentes d'abord
activation-sentence-separator = {" "}

## A relay's call sheet (printed)

activation-sheet-title = Fiche d'appel : { $name }
activation-sheet-heading = Fiche d'appel de { $name }
activation-sheet-made = { $activation }. Établie à { $time }.
activation-sheet-made-drill = { $activation } — un exercice, pas une véritable urgence. Établie à { $time }.
activation-sheet-relay = Relais
activation-sheet-relay-kind = { $name } ({ $kind })
activation-sheet-pass-heading = Transmettre le message à
activation-sheet-nobody = Personne : selon le plan actuel, personne n'est joint par ce relais.
activation-sheet-tick = Cocher une fois fait
activation-print-button = Imprimer

## The after-action report

activation-report-title = Rapport : { $name }
activation-report-crumb = Rapport
activation-report-heading = Rapport après action : { $name }
activation-report-summary = Démarrée à { $started } ; { $state }. { $attempts }, { $relays }, { $confirmations } ; { $changes }.
activation-report-still-open = toujours ouverte
activation-report-closed = clôturée à { $time }
activation-report-attempts = { $count ->
    [one] { $count } tentative de contact
   *[other] { $count } tentatives de contact
}
activation-report-relays = { $count ->
    [one] { $count } relais joint
   *[other] { $count } relais joints
}
activation-report-confirmations = { $count ->
    [one] { $count } confirmation
   *[other] { $count } confirmations
}
activation-report-changes = le plan a changé { $count } fois
activation-failed-heading = Relais prévus qui ont fait défaut
activation-report-none = Aucun.
activation-failed-relay = { $name }, trouvé indisponible après { $after }
activation-by-language-heading = Prises de contact par langue
activation-report-no-contact = Aucune prise de contact n'a été enregistrée.
activation-after-minutes = { $minutes } min
activation-after-hours = { $hours } h { $minutes } min

## The ties to re-verify (src/http/pages/activations.rs)

activation-verify-never = jamais

## Scripts: the board kept up to date, and its map

js-activation-up-to-date = À jour à { $time }.
js-activation-refresh-failed = Impossible de mettre le tableau à jour ({ $status }) ; nouvel essai en cours.
js-activation-offline = Hors ligne : le tableau se mettra à jour au retour de la connexion.
js-activation-not-recorded = Non enregistré : { $reason }.
js-activation-recorded = Enregistré.
js-activation-no-connection = Non enregistré : pas de connexion. Réessayez.
js-activation-map-counts = Sur la carte : confirmés : { $confirmed }, joignables par le plan : { $reachable }, injoignables pour l'instant : { $unreachable } (parmi les migrants localisés).
js-activation-map-read-failed = La carte n'a pas pu lire l'activation ({ $status }).
js-activation-map-load-failed = La carte n'a pas pu se charger : { $error }
js-activation-legend-title = Activation
js-activation-legend-confirmed = Réception confirmée
js-activation-legend-reachable = Joignable par le plan
js-activation-legend-unreachable = Injoignable pour l'instant (anneau vide)
