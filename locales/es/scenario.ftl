# El mapa de la red (/map), el escenario de crisis (/scenario) y los vínculos que hay que
# volver a verificar primero (/verification); sus scripts: static/js/map.js, scenario.js, cascade.js.
# Los mensajes cuyo id empieza por js- los usan los scripts; sus valores ({ $name }) los rellena
# el script; sin selectores (un número elige id-one, id-other...).

## El mapa de la red

map-page-title = Mapa
map-title = Mapa de la red
map-show = Mostrar
map-ties = Vínculos
map-only = Solo
map-language = Idioma
map-city = Ciudad
map-city-any = cualquiera
map-ties-over = Vínculos por
map-any-channel = cualquier canal
map-trust-at-least = Vínculos con confianza de al menos
map-label = Mapa de los actores de la red
map-loading = Cargando la red…

js-map-legend-title = Actores
js-map-legend-cluster = Varios actores cercanos (su número)
js-map-legend-tie = Vínculo (si está marcado)
js-map-legend-district = Distrito, con su nombre
js-map-loading-ties = Cargando los vínculos…
js-map-ties-too-many-one = { $count } vínculo a la vista es demasiado para leerse: acerque el mapa, reduzca los filtros o abra un actor para ver sus vínculos.
js-map-ties-too-many-other = { $count } vínculos a la vista son demasiados para leerse: acerque el mapa, reduzca los filtros o abra un actor para ver sus vínculos.
js-map-ties-too-many-many = { $count } vínculos a la vista son demasiados para leerse: acerque el mapa, reduzca los filtros o abra un actor para ver sus vínculos.
js-map-ties-drawn-one = { $count } vínculo dibujado.
js-map-ties-drawn-other = { $count } vínculos dibujados.
js-map-ties-drawn-many = { $count } vínculos dibujados.
js-map-ties-hidden-one = Vínculos dibujados: { $drawn }; acerque el mapa para ver el otro (sus extremos están agrupados o fuera de la vista).
js-map-ties-hidden-other = Vínculos dibujados: { $drawn }; acerque el mapa para ver los otros { $count } (sus extremos están agrupados o fuera de la vista).
js-map-ties-hidden-many = Vínculos dibujados: { $drawn }; acerque el mapa para ver los otros { $count } (sus extremos están agrupados o fuera de la vista).
js-map-shown-one = { $count } actor mostrado.
js-map-shown-other = { $count } actores mostrados.
js-map-shown-many = { $count } actores mostrados.
js-map-could-not-load = No se pudo cargar el mapa: { $error }

## El escenario de crisis

scenario-title = Escenario de crisis
scenario-intro = Dibuje la zona afectada en el mapa o cárguela desde un archivo GeoJSON, elija lo que sigue funcionando y ejecute: ¿a quiénes de los migrantes de la zona puede alcanzar el equipo de respuesta, a través de quién, y quiénes quedan aislados?
scenario-map-label = Mapa: dibuje la zona afectada
scenario-area = Zona afectada
scenario-draw-start = Dibujar la zona
scenario-draw-undo = Deshacer la última esquina
scenario-draw-finish = Terminar la zona
scenario-draw-cancel = Cancelar el dibujo
scenario-area-clear = Borrar la zona
scenario-area-file = …o cárguela desde un archivo GeoJSON
scenario-no-area-yet = Aún no hay zona: cuentan todos los migrantes.
scenario-channels = Canales que siguen funcionando (ninguno marcado: todos)
scenario-max-hops = Vínculos desde un equipo de respuesta, como máximo
scenario-min-trust = Confianza de cada vínculo, como mínimo (0–1)
scenario-language-check = Los dos extremos de cada vínculo comparten un idioma
scenario-exclude = No disponibles (una organización o un equipo de respuesta que no puede actuar)
scenario-exclude-add = Añadir
scenario-run = Ejecutar el escenario
scenario-running = Ejecutando el escenario
scenario-saved = Escenarios guardados
scenario-saved-pick = Uno guardado
scenario-load = Cargar y ejecutar
scenario-delete = Eliminar
scenario-save-as = Guardar este como
scenario-name-placeholder = Inundación del puerto
scenario-save = Guardar
scenario-results = Resultados
scenario-download-csv = Descargar CSV
scenario-download-geojson = Descargar GeoJSON
scenario-print = Imprimir para la pared
scenario-conditions = Condiciones
scenario-call-list = Lista de llamadas: a quién llama primero el equipo de respuesta
scenario-failures = Puntos únicos de fallo: si no pueden actuar, otros quedan aislados
scenario-by-language = Aislados, por primer idioma
scenario-cut-off = Aislados: alcáncelos de otra manera
scenario-col-name = Nombre
scenario-col-kind = Tipo
scenario-col-languages = Idiomas
scenario-col-reach-by = Alcanzarlos por
scenario-col-adds = Añade
scenario-col-in-area = En la zona
scenario-col-cuts-off = Aísla
scenario-col-language = Idioma
scenario-col-migrants = Migrantes
scenario-col-reliability = Fiabilidad
scenario-col-fewest-ties = Mínimo de vínculos
scenario-col-path = Camino más fiable
scenario-cascade = Cuánto tarda el mensaje en difundirse
scenario-cascade-hint = Una simulación: cada par de actores transmite el mensaje con la confianza de su vínculo, tras la demora de su canal más rápido que siga funcionando (en persona 2 h, teléfono 15 min, SMS 30 min, WhatsApp 15 min, radio y redes sociales 1 h, correo electrónico 4 h). 1000 ejecuciones; la banda contiene nueve de cada diez.
scenario-simulate = Simular la cascada
scenario-cascade-caption = Migrantes alcanzados en cada hora: la línea es la media de las ejecuciones; la banda, del percentil 5 al 95.
scenario-col-by-hour = A la hora
scenario-col-mean = Alcanzados, media
scenario-col-p5 = Percentil 5
scenario-col-p95 = Percentil 95
scenario-reached = Alcanzados, el camino más débil primero
scenario-reached-hint = Vaya a un nombre (tabulador, o tóquelo) para ver el camino en el mapa.

js-scenario-headline-one = Migrantes alcanzados: { $reached } de { $targets } ({ $coverage }); aislados: { $unreached }.
js-scenario-headline-other = Migrantes alcanzados: { $reached } de { $targets } ({ $coverage }); aislados: { $unreached }.
js-scenario-headline-many = Migrantes alcanzados: { $reached } de { $targets } ({ $coverage }); aislados: { $unreached }.
js-scenario-percent = { $value } %
js-scenario-printed = relaymap · escenario de crisis, impreso el { $when }
js-scenario-list-separator = {", "}
js-scenario-path-separator = {" → "}
js-scenario-legend-title = Escenario
js-scenario-legend-responder = Equipo de respuesta
js-scenario-legend-organisation = Organización
js-scenario-legend-reached = Alcanzado: camino débil (oscuro) a fiable (amarillo)
js-scenario-legend-cut-off = Aislado (anillo hueco)
js-scenario-legend-outside = Fuera de la zona, o aún no ejecutado
js-scenario-legend-area = Zona afectada
js-scenario-legend-path = Camino de relevo (toque un migrante alcanzado)
js-scenario-no-area-yet = Aún no hay zona: cuentan todos los migrantes.
js-scenario-no-area = Sin zona: cuentan todos los migrantes.
js-scenario-area-set = Zona definida ({ $how }): solo cuentan los migrantes dentro de ella.
js-scenario-area-drawn-one = dibujada, { $count } esquina
js-scenario-area-drawn-other = dibujada, { $count } esquinas
js-scenario-area-drawn-many = dibujada, { $count } esquinas
js-scenario-area-from-file = desde el archivo { $file }
js-scenario-area-saved-with = guardada con «{ $name }»
js-scenario-corners-more-one = { $count } esquina: haga clic en el mapa en cada esquina de la zona afectada.
js-scenario-corners-more-other = { $count } esquinas: haga clic en el mapa en cada esquina de la zona afectada.
js-scenario-corners-more-many = { $count } esquinas: haga clic en el mapa en cada esquina de la zona afectada.
js-scenario-corners-finish-one = { $count } esquina: pulse Terminar cuando la zona esté cerrada.
js-scenario-corners-finish-other = { $count } esquinas: pulse Terminar cuando la zona esté cerrada.
js-scenario-corners-finish-many = { $count } esquinas: pulse Terminar cuando la zona esté cerrada.
js-scenario-cancelled-kept = Dibujo cancelado; la zona queda como estaba.
js-scenario-cancelled-none = Dibujo cancelado: sin zona, cuentan todos los migrantes.
js-scenario-not-geojson = Ese archivo no es GeoJSON: { $error }
js-scenario-more-one = { $count } más en el CSV y en la hoja impresa.
js-scenario-more-other = { $count } más en el CSV y en la hoja impresa.
js-scenario-more-many = { $count } más en el CSV y en la hoja impresa.
js-scenario-path-one = Camino hasta { $name }: { $path } (fiabilidad { $reliability }, { $count } vínculo).
js-scenario-path-other = Camino hasta { $name }: { $path } (fiabilidad { $reliability }, { $count } vínculos).
js-scenario-path-many = Camino hasta { $name }: { $path } (fiabilidad { $reliability }, { $count } vínculos).
js-scenario-cond-run-at = Ejecutado el
js-scenario-cond-area = Zona afectada
js-scenario-cond-area-drawn = dibujada en el mapa
js-scenario-cond-area-none = ninguna: toda la red
js-scenario-cond-channels = Canales que siguen funcionando
js-scenario-cond-all-channels = todos los canales
js-scenario-cond-hops = Vínculos desde un equipo de respuesta
js-scenario-cond-at-most = como máximo { $count }
js-scenario-cond-trust = Confianza de cada vínculo
js-scenario-cond-at-least = como mínimo { $value }
js-scenario-cond-language = Idioma compartido
js-scenario-cond-language-shared = los dos extremos de cada vínculo comparten un idioma
js-scenario-cond-language-not-required = no exigido
js-scenario-cond-unavailable = No disponibles
js-scenario-cond-nobody = nadie
js-scenario-yes = sí
js-scenario-no = no
js-scenario-remove = Quitar
js-scenario-remove-label = Quitar a { $name } de los no disponibles
js-scenario-several-called = Varios actores se llaman «{ $name }»: escriba el id del que busca.
js-scenario-none-called = Ningún actor se llama «{ $name }».
js-scenario-csv-failed = No se pudo generar el CSV: { $status }
js-scenario-saved-option = { $name } ({ $by }, { $date })
js-scenario-name-first = Primero dé un nombre al escenario.
js-scenario-saved-as = Guardado como «{ $name }».
js-scenario-not-saved = No se guardó: { $error }
js-scenario-choose-first = Primero elija un escenario guardado.
js-scenario-delete-confirm = ¿Eliminar el escenario guardado «{ $name }»? No se puede deshacer.
js-scenario-deleted = «{ $name }» eliminado.
js-scenario-not-deleted = No se eliminó: { $status }
js-scenario-running = Ejecutando…
js-scenario-running-for = Ejecutando… { $seconds } s
js-scenario-refused = Rechazado: { $error }
js-scenario-done = Terminado en { $seconds } s. Toque un migrante alcanzado, o recorra la lista de alcanzados de abajo, para ver el camino de relevo.
js-scenario-could-not-run = No se pudo ejecutar el escenario: { $error }

## La simulación de la cascada (página del escenario)

js-cascade-hours = { $hours } h
js-cascade-run-first = Primero ejecute el escenario.
js-cascade-simulating = Simulando { $runs } ejecuciones…
js-cascade-result-one = Tras { $hours } h, migrantes alcanzados de media: { $mean } de { $targets } (de { $low } a { $high } en nueve de cada diez ejecuciones); { $never } % no se alcanza en ninguna.
js-cascade-result-other = Tras { $hours } h, migrantes alcanzados de media: { $mean } de { $targets } (de { $low } a { $high } en nueve de cada diez ejecuciones); { $never } % no se alcanza en ninguna.
js-cascade-result-many = Tras { $hours } h, migrantes alcanzados de media: { $mean } de { $targets } (de { $low } a { $high } en nueve de cada diez ejecuciones); { $never } % no se alcanza en ninguna.
js-cascade-could-not-run = No se pudo ejecutar la simulación: { $error }

## Volver a verificar primero (/verification)

verification-title = Volver a verificar primero
verification-intro = Los vínculos que, si fallaran, dejarían por sí solos a migrantes fuera del alcance del equipo de respuesta (a tres vínculos como máximo, por vínculos cuyos extremos comparten un idioma): verifíquelos primero, antes que los demás los nunca verificados o los verificados hace más tiempo.
verification-empty = Ningún vínculo sostiene por sí solo a nadie: cada migrante alcanzado tiene otra vía.
verification-caption-first = Los primeros { $shown } de { $total } vínculos
verification-caption-all = { $count ->
    [one] { $count } vínculo
   *[other] { $count } vínculos
}
verification-col-between = Entre
verification-col-and = y
verification-col-cut-off = Aislaría
verification-col-last-verified = Última verificación
