# Lo que comparten todas las páginas tras iniciar sesión (la barra de navegación, quién ha
# iniciado sesión), el panel, la vista de la red y los intermediarios; y los scripts de los
# mapas y de la vista de la red (mensajes js-).

## The navigation bar

nav-label = Páginas
nav-dashboard = Panel
nav-actors = Actores
nav-map = Mapa
nav-scenario = Escenario
nav-activations = Activaciones
nav-intermediaries = Intermediarios
nav-network = Red
nav-import = Importar
nav-interview = Entrevista
nav-research = Investigación
nav-admin = Administración
nav-search-label = Buscar un actor
nav-search-field = Buscar un actor por su nombre
nav-search-placeholder = Buscar por nombre
nav-search-button = Buscar

## Who is signed in: the token's label, then its role

nav-role = ({ $role })
nav-role-admin = administrador
nav-role-coordinator = coordinador
nav-role-analyst = analista
nav-role-viewer = lector
nav-role-interviewer = entrevistador
nav-sign-out = Cerrar sesión

## The dashboard

dashboard-heading = La red de un vistazo
dashboard-reachable-before = {""}
dashboard-reachable-after = {" "}de los migrantes son alcanzables desde los equipos de respuesta ({ $reached } de { $migrants }: en 3 vínculos como máximo, por vínculos cuyos extremos comparten un idioma, por cualquier canal).
dashboard-share = { $percent } %
dashboard-isolated-before = {""}
dashboard-isolated-after = {" "}{ $count ->
    [one] migrante no tiene ningún vínculo que pueda hacerle llegar un mensaje.
   *[other] migrantes no tienen ningún vínculo que pueda hacerles llegar un mensaje.
}
dashboard-withheld = No se muestran los recuentos de menos de { $threshold } personas («–»), ni ningún recuento que permita deducirlos: { $count ->
    [one] { $count } celda ocultada.
   *[other] { $count } celdas ocultadas.
}
dashboard-count = Recuento
dashboard-as-bar = En barra
dashboard-kinds-caption = Actores por tipo
dashboard-kinds-heading = Tipo
dashboard-cities-caption = Migrantes por ciudad
dashboard-cities-heading = Ciudad
dashboard-languages-caption = Migrantes por primer idioma
dashboard-languages-heading = Idioma
dashboard-no-city = Sin ciudad
dashboard-imports-label = Las últimas importaciones
dashboard-imports-caption = Últimas importaciones (no se listan las comprobaciones sin escritura)
dashboard-imports-when = Cuándo
dashboard-imports-by = Por
dashboard-imports-outcome = Resultado
dashboard-imports-records = Registros
dashboard-work-heading = Trabajar con la red
dashboard-work-find-actor = Buscar un actor
dashboard-work-or-add = {" "}o{" "}
dashboard-work-add-actor = añadir uno
dashboard-work-scenario = Ejecutar un escenario de crisis
dashboard-work-scenario-on = {" "}en{" "}
dashboard-work-scenario-map = el mapa
dashboard-work-scenario-after = {""}
dashboard-work-intermediaries = Buscar intermediarios de confianza
dashboard-work-intermediaries-after = {" "}para una comunidad o un idioma
dashboard-work-import = Importar
dashboard-work-import-or = {" "}una red, o{" "}
dashboard-work-export = exportar toda la red
dashboard-work-export-after = {" "}(JSON)
dashboard-work-research = Métricas de la red y exportaciones seudonimizadas
dashboard-work-json = Estos recuentos en JSON

## The network view

view-title = Vista de la red
view-intro-before = Quién está vinculado con quién, dibujado de modo que los grupos muy unidos queden juntos. Las comunidades se detectan en toda la red (Louvain), así que un color indica la misma comunidad sea cual sea la parte mostrada. Las ciudades y sus vínculos{" "}
view-intro-located-in = ubicado en
view-intro-after = {" "}se dejan fuera: acercarían a todo el mundo.
view-city = Ciudad
view-whole-network = toda la red
view-community-number = Número de comunidad
view-community-all = todas
view-colour-by = Colorear por
view-colour-community = Comunidad
view-colour-kind = Tipo
view-show = Mostrar
view-laying-out = Disponiendo la red…
view-graph-label = Vista de la red: los actores como puntos, los vínculos como líneas; la línea de estado de arriba da los recuentos
view-actor = Actor
view-click-a-dot = Haga clic en un punto para ver de quién se trata.
view-name = Nombre
view-kind = Tipo
view-community = Comunidad
view-ties-shown = Vínculos mostrados
view-open-card = Abrir la ficha
view-legend = Leyenda
view-legend-hint = Elija una comunidad para dibujarla sola.

## The intermediaries

intermediaries-heading = Intermediarios de confianza
intermediaries-intro-before = Organizaciones y personas a través de las cuales los equipos de respuesta alcanzan a los migrantes: cada uno{" "}
intermediaries-intro-bridges = conecta
intermediaries-intro-after = {" "}al menos a un migrante cuyo camino más fiable desde un equipo de respuesta pasa por él (en 3 vínculos como máximo, por vínculos cuyos extremos comparten un idioma). Para saber qué vínculos, por sí solos, mantienen a migrantes al alcance:{" "}
intermediaries-intro-reverify = vuelva a verificar primero
intermediaries-intro-end = .
intermediaries-columns-summary = Qué significan las demás columnas
intermediaries-trust-text = La confianza media (de 0 a 1) de sus vínculos que pueden transmitir un mensaje.
intermediaries-betweenness-text = Con qué frecuencia están en los caminos más cortos entre otros.
intermediaries-betweenness-sampled = Con qué frecuencia están en los caminos más cortos entre otros (estimada a partir de { $count ->
    [one] { $count } punto de partida
   *[other] { $count } puntos de partida
}).
intermediaries-brokerage = Tamaño efectivo y restricción
intermediaries-brokerage-text = Las medidas de intermediación de Burt: un intermediario tiene un tamaño efectivo grande y una restricción baja.
intermediaries-filter-label = Filtrar los intermediarios
intermediaries-language = Idioma que hablan
intermediaries-city = Ciudad
intermediaries-any-city = cualquiera
intermediaries-filter = Filtrar
intermediaries-nothing-looked-up = No se buscó nada
intermediaries-unknown-language = Ningún idioma se llama «{ $typed }»: escriba su nombre, por ejemplo { $example }, o su código, por ejemplo ara.
intermediaries-none = Ningún intermediario coincide.
intermediaries-showing = Mostrando { $first } a { $last } de { $total } intermediarios.
intermediaries-count = { $count ->
    [one] { $count } intermediario.
   *[other] { $count } intermediarios.
}
intermediaries-col-name = Nombre
intermediaries-col-bridged = Conecta
intermediaries-col-trust = Confianza media
intermediaries-col-betweenness = Intermediación
intermediaries-col-effective-size = Tamaño efectivo
intermediaries-col-constraint = Restricción
intermediaries-col-city = Ciudad
intermediaries-col-kind = Tipo
intermediaries-col-languages = Idiomas
intermediaries-col-channels = Contactar por
intermediaries-pages = Páginas de intermediarios
intermediaries-previous = Página anterior
intermediaries-next = Página siguiente

## Scripts: words (static/js/words.js)

js-words-list-separator = {", "}
js-words-channel-in-person = En persona
js-words-channel-phone = Teléfono
js-words-channel-sms = SMS
js-words-channel-whatsapp = WhatsApp
js-words-channel-radio = Radio
js-words-channel-social-media = Redes sociales
js-words-channel-email = Correo electrónico
js-words-kind-migrant = Migrante
js-words-kind-organisation = Organización
js-words-kind-responder = Equipo de respuesta
js-words-kind-city = Ciudad

## Scripts: the maps (static/js/network-map.js)

js-map-open-card = Abrir la ficha
js-map-legend = Leyenda: { $title }
js-map-marker = { $kind }: { $name }
js-map-library-missing = Falta la biblioteca de mapas: compile relaymap con Node.js (npm) instalado.
js-map-answered = { $path } respondió { $status }
js-map-status-zero = { $shown } de { $total } actores en el mapa (los demás no tienen ubicación).
js-map-status-one = { $shown } de { $total } actores en el mapa (los demás no tienen ubicación).
js-map-status-two = { $shown } de { $total } actores en el mapa (los demás no tienen ubicación).
js-map-status-few = { $shown } de { $total } actores en el mapa (los demás no tienen ubicación).
js-map-status-many = { $shown } de { $total } actores en el mapa (los demás no tienen ubicación).
js-map-status-other = { $shown } de { $total } actores en el mapa (los demás no tienen ubicación).

## Scripts: the network view (static/js/network.js)

js-view-kind-dot = { $kind } (punto)
js-view-kind-diamond = { $kind } (rombo)
js-view-community = Comunidad { $community }
js-view-community-described-zero = Comunidad { $community }: { $what } ({ $count } mostrados)
js-view-community-described-one = Comunidad { $community }: { $what } ({ $count } mostrado)
js-view-community-described-two = Comunidad { $community }: { $what } ({ $count } mostrados)
js-view-community-described-few = Comunidad { $community }: { $what } ({ $count } mostrados)
js-view-community-described-many = Comunidad { $community }: { $what } ({ $count } mostrados)
js-view-community-described-other = Comunidad { $community }: { $what } ({ $count } mostrados)
js-view-smaller-communities = comunidades más pequeñas
js-view-library-missing = Falta la biblioteca de grafos: compile relaymap con Node.js (npm) instalado.
js-view-not-drawn = No se dibujó: { $reason }
js-view-load-failed = No se pudo cargar la vista: { $reason }
js-view-status = { $actors } y { $ties } mostrados; { $communities } en toda la red (dibujado con { $renderer } en { $seconds } s).
js-view-status-actors-zero = { $count } actores
js-view-status-actors-one = { $count } actor
js-view-status-actors-two = { $count } actores
js-view-status-actors-few = { $count } actores
js-view-status-actors-many = { $count } actores
js-view-status-actors-other = { $count } actores
js-view-status-ties-zero = { $count } vínculos
js-view-status-ties-one = { $count } vínculo
js-view-status-ties-two = { $count } vínculos
js-view-status-ties-few = { $count } vínculos
js-view-status-ties-many = { $count } vínculos
js-view-status-ties-other = { $count } vínculos
js-view-status-communities-zero = { $count } comunidades
js-view-status-communities-one = { $count } comunidad
js-view-status-communities-two = { $count } comunidades
js-view-status-communities-few = { $count } comunidades
js-view-status-communities-many = { $count } comunidades
js-view-status-communities-other = { $count } comunidades
js-view-renderer-webgl = WebGL
js-view-renderer-canvas = canvas
