# Gestionar una crisis: las activaciones, el tablero en vivo de una activación, la hoja de
# llamadas impresa de un enlace, el informe posterior.

## Shared words

activation-list-title = Activaciones
activation-drill = Simulacro
activation-live = Real
activation-state-open = Abierta
activation-state-closed = Cerrada
activation-error-prefix = Error:
activation-none-yet = Ninguna por ahora.
activation-nobody = nadie
activation-call-sheet = Hoja de llamadas
activation-col-name = Nombre
activation-col-kind = Tipo
activation-col-state = Estado
activation-col-scenario = Escenario
activation-col-started = Inicio
activation-col-contacts = Contactos
activation-col-languages = Idiomas
activation-col-language = Idioma
activation-col-reach-by = Cómo contactarlos
activation-col-adds = Suma
activation-col-so-far = Hasta ahora
activation-col-record = Registrar
activation-col-migrants = Migrantes
activation-col-when = Cuándo
activation-col-who = Quién
activation-col-outcome = Resultado
activation-col-by = Por
activation-col-note = Nota
activation-col-after = Tras el inicio
activation-col-done = Hecho


activation-outcome-reached = Alcanzado: tiene el mensaje
activation-outcome-confirmed = Recepción confirmada
activation-outcome-no-answer = Sin respuesta
activation-outcome-unavailable = No disponible
activation-not-called-yet = Aún sin llamar

## The list of activations

activation-list-intro-before = Gestione una crisis, o un simulacro, a partir de un escenario guardado: la lista de llamadas indica a quién llamar primero; el resultado de cada contacto se registra con un clic, y la lista pasa a los siguientes mejores enlaces cuando no se puede alcanzar a alguien. Antes de un evento,
activation-list-intro-link = vuelva a verificar primero
activation-list-intro-after = los vínculos que por sí solos permiten alcanzar a migrantes.
activation-live-open = Activaciones reales abiertas
activation-live-relays-reached = Enlaces alcanzados (real)
activation-live-migrants-confirmed = Migrantes que confirmaron (real)
activation-drills-open = Simulacros abiertos
activation-start-heading = Iniciar una activación
activation-no-scenarios-before = Todavía no hay ningún escenario guardado:
activation-no-scenarios-link = prepare uno en la página del escenario de crisis
activation-no-scenarios-after = y guárdelo.
activation-name-label = Nombre
activation-name-placeholder = Inundación del puerto, 3 de diciembre
activation-scenario-label = Escenario guardado
activation-drill-choice = Un simulacro (marcado como simulacro en todas partes, nunca contado con las cifras reales)
activation-start-button = Iniciar
activation-all-heading = Todas las activaciones

## An activation's board

activation-title-drill = Simulacro: { $name }
activation-started-by = Iniciada a las { $time } por { $who }.
activation-started-by-scenario = Iniciada a las { $time } por { $who }, a partir del escenario «{ $scenario }».
activation-board-open = Abierta.
activation-board-closed = Cerrada a las { $time }.
activation-report-link = Informe posterior
activation-map-heading = Dónde están
activation-map-label = Mapa: migrantes que confirmaron, alcanzables según el plan y no alcanzables por ahora
activation-contact-heading = Registrar un contacto con otra persona
activation-contact-actor-label = Quién (nombre o identificador)
activation-contact-actor-hint = Un migrante que confirma la recepción, o un enlace que no está en la lista. Se sugieren nombres mientras escribe.
activation-outcome-legend = Qué resultó
activation-choice-confirmed = Recepción confirmada (un migrante)
activation-choice-reached = Alcanzado: tiene el mensaje y lo transmite
activation-choice-no-answer = Sin respuesta (tres seguidas: no disponible)
activation-choice-unavailable = No disponible: no puede transmitir
activation-note-label = Nota (opcional)
activation-record-button = Registrar
activation-end-heading = Terminarla
activation-close-drill = Cerrar este simulacro
activation-close-activation = Cerrar esta activación
activation-error-outcome = Elija qué resultó de la llamada.
activation-error-already-closed = La activación { $id } ya está cerrada.
activation-error-busy = Demasiadas personas están modificando la activación { $id } a la vez; vuelva a intentarlo.

activation-drill-banner = — no es una emergencia real. Sus cifras se mantienen separadas de las reales.
activation-progress-relays-reached = Enlaces alcanzados
activation-progress-migrants-confirmed = Migrantes que confirmaron
activation-progress-plan-reaches = Migrantes que alcanza el plan
activation-progress-of = { $reached } de { $targets }
activation-progress-unavailable = No disponibles
activation-call-list-heading = Lista de llamadas
activation-call-list-replanned = Lista de llamadas, replanificada
activation-call-list-empty = No queda nadie a quien llamar: todos los migrantes alcanzables están cubiertos, o no queda ningún enlace.
activation-more-relays = { $count ->
    [one] { $count } enlace más, que suma menos migrantes
   *[other] { $count } enlaces más, cada uno suma menos migrantes
}
activation-more-relays-label = Más enlaces a los que llamar
activation-kind-inside-area = { $kind }, en la zona
activation-button-reached = Alcanzado
activation-button-no-answer = Sin respuesta
activation-button-unavailable = No disponible
activation-button-for = { $outcome }: { $name }
activation-unreached-heading = Aún no alcanzados, por primer idioma
activation-replanning-heading = Replanificación
activation-change-unavailable = { $time }: { $name } no disponible.
activation-change-call-instead = Llamar en su lugar a: { $names }.
activation-change-off-list = Fuera de la lista: { $names }.
activation-contacts-heading = Contactos, los más recientes primero
activation-sentence-separator = {" "}

## A relay's call sheet (printed)

activation-sheet-title = Hoja de llamadas: { $name }
activation-sheet-heading = Hoja de llamadas de { $name }
activation-sheet-made = { $activation }. Elaborada a las { $time }.
activation-sheet-made-drill = { $activation } — un simulacro, no una emergencia real. Elaborada a las { $time }.
activation-sheet-relay = Enlace
activation-sheet-relay-kind = { $name } ({ $kind })
activation-sheet-pass-heading = Transmitir el mensaje a
activation-sheet-nobody = Nadie: según el plan actual, no se alcanza a nadie a través de este enlace.
activation-sheet-tick = Marcar al terminar
activation-print-button = Imprimir

## The after-action report

activation-report-title = Informe: { $name }
activation-report-crumb = Informe
activation-report-heading = Informe posterior: { $name }
activation-report-summary = Iniciada a las { $started }; { $state }. { $attempts }, { $relays }, { $confirmations }; { $changes }.
activation-report-still-open = sigue abierta
activation-report-closed = cerrada a las { $time }
activation-report-attempts = { $count ->
    [one] { $count } intento de contacto
   *[other] { $count } intentos de contacto
}
activation-report-relays = { $count ->
    [one] { $count } enlace alcanzado
   *[other] { $count } enlaces alcanzados
}
activation-report-confirmations = { $count ->
    [one] { $count } confirmación
   *[other] { $count } confirmaciones
}
activation-report-changes = { $count ->
    [one] el plan cambió { $count } vez
   *[other] el plan cambió { $count } veces
}
activation-failed-heading = Enlaces previstos que fallaron
activation-report-none = Ninguno.
activation-failed-relay = { $name }, no disponible tras { $after }
activation-by-language-heading = Contactos por idioma
activation-report-no-contact = No se registró ningún contacto.
activation-after-minutes = { $minutes } min
activation-after-hours = { $hours } h { $minutes } min

## The ties to re-verify (src/http/pages/activations.rs)

activation-verify-never = nunca

## Scripts: the board kept up to date, and its map

js-activation-up-to-date = Actualizado a las { $time }.
js-activation-refresh-failed = No se pudo actualizar el tablero ({ $status }); se intentará de nuevo.
js-activation-offline = Sin conexión: el tablero se pondrá al día cuando vuelva la conexión.
js-activation-not-recorded = No registrado: { $reason }.
js-activation-recorded = Registrado.
js-activation-no-connection = No registrado: no hay conexión. Vuelva a intentarlo.
js-activation-map-counts = En el mapa: confirmados: { $confirmed }, alcanzables según el plan: { $reachable }, no alcanzables por ahora: { $unreachable } (de los migrantes con ubicación).
js-activation-map-read-failed = El mapa no pudo leer la activación ({ $status }).
js-activation-map-load-failed = El mapa no se pudo cargar: { $error }
js-activation-legend-title = Activación
js-activation-legend-confirmed = Recepción confirmada
js-activation-legend-reachable = Alcanzable según el plan
js-activation-legend-unreachable = No alcanzable por ahora (anillo vacío)
