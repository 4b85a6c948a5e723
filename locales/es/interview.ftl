# La entrevista de campo (templates/pages/interview.html, static/js/interview.js, el service
# worker) y la lista de entrevistas recibidas (templates/pages/interviews.html).
# La interfaz habla el idioma de quien entrevista; las preguntas vienen del protocolo, en el
# idioma de la entrevista.

## La página de la entrevista

interview-title = Entrevista
interview-outbox-heading = Entrevistas en este teléfono
interview-outbox-looking = Buscando entrevistas pendientes de envío…
interview-send-now = Enviar ahora
interview-noscript = La entrevista funciona en el navegador, para poder hacerse sin conexión: active JavaScript.
interview-loading = Cargando las preguntas…
interview-back = Atrás
interview-next = Siguiente
interview-link-received = Entrevistas recibidas
interview-link-duplicates = Posibles duplicados
interview-offline = Sin conexión, y esta página nunca se abrió aquí con conexión.

## La lista de entrevistas recibidas

interview-list-title = Entrevistas recibidas
interview-list-breadcrumb-interview = Entrevista
interview-list-intro = Las { $count } últimas, de la más reciente a la más antigua. Cada una registró a la persona entrevistada (con el consentimiento que dio), las personas que nombró y un vínculo por cada respuesta; las respuestas mismas se guardan con la entrevista{" ("}
interview-list-intro-duplicates = {"). "}Las personas nombradas dos veces por entrevistas distintas aparecen entre los{" "}
interview-list-intro-duplicates-link = posibles duplicados
interview-list-intro-end = .
interview-list-empty = Todavía no hay ninguna entrevista.
interview-list-held-on = Fecha
interview-list-person = Persona entrevistada
interview-list-language = Idioma
interview-list-named = Personas nombradas
interview-list-sent-by = Enviada por

## El script: la entrevista, una pantalla cada vez

js-interview-title = Entrevista
js-interview-channel-in-person = En persona
js-interview-channel-phone = Llamada telefónica
js-interview-channel-sms = SMS
js-interview-channel-whatsapp = WhatsApp
js-interview-channel-radio = Radio
js-interview-channel-social-media = Redes sociales
js-interview-channel-email = Correo electrónico
js-interview-kind-migrant = Una persona
js-interview-kind-organisation = Un grupo u organización
js-interview-kind-responder = Una oficina o servicio
js-interview-list-separator = {", "}

js-interview-outbox-all-sent = Todas las entrevistas se han enviado.
js-interview-outbox-waiting-one = { $count } entrevista espera su envío. Se guarda en este teléfono y se enviará cuando vuelva la conexión.
js-interview-outbox-waiting-other = { $count } entrevistas esperan su envío. Se guardan en este teléfono y se enviarán cuando vuelva la conexión.
js-interview-outbox-refused = Nada espera su envío; el servidor rechazó lo que aparece abajo.
js-interview-item = { $name } ({ $day }): { $state }
js-interview-item-waiting = pendiente
js-interview-item-refused = rechazada – { $reason }
js-interview-item-sign-in-again = Vuelva a iniciar sesión para enviarla.
js-interview-refused-status = El servidor la rechazó ({ $status }).
js-interview-discard = Descartarla
js-interview-discard-confirm = ¿Descartar esta entrevista? Sus respuestas se perderán.

js-interview-step = Paso { $step } de { $steps }
js-interview-next = Siguiente
js-interview-send = Enviar la entrevista
js-interview-new-title = Una nueva entrevista
js-interview-language-intro = Elija el idioma en que la hará: las preguntas se muestran en ese idioma, con el español debajo.
js-interview-language-label = Idioma de la entrevista
js-interview-consent-hint = Léaselo, o deje que lo lea. Marque solo lo que acepta: cada punto por separado.
js-interview-consent-legend = Acepta
js-interview-consent-none = Sin consentimiento para al menos un uso, no se registra nada: termine aquí la entrevista.
js-interview-recorded = Registrado el { $day } por { $by }.
js-interview-ego-title = ¿A quién se entrevista?
js-interview-ego-chosen = Elegida: { $name }
js-interview-ego-change = Elegir a otra persona
js-interview-ego-languages = Idiomas que habla (primero su lengua materna)
js-interview-ego-city = Dónde vive
js-interview-ego-city-unsaid = No lo dijo
js-interview-ego-channels = Cómo contactarle
js-interview-ego-missing = Busque a la persona en el directorio, o escriba su nombre para añadirla.
js-interview-languages-unreadable = Indique los idiomas como aparecen en la lista, o con su código de tres letras, separados por comas.
js-interview-roster-label = Buscar a alguien conocido
js-interview-roster-hint = Escriba dos o más letras del nombre.
js-interview-roster-offline = El directorio necesita conexión: añádala como persona nueva (los duplicados pueden fusionarse después).
js-interview-roster-nobody = No se conoce a nadie con ese nombre: añádala como persona nueva.
js-interview-roster-alike = Puede ser la misma que { $names }: pregunte cuál.
js-interview-new-person = O añadir a alguien nuevo
js-interview-name = Nombre
js-interview-who-they-are = Quién es
js-interview-named-here = Nombrados aquí
js-interview-named-none = Aún no se ha nombrado a nadie
js-interview-named-already = Alguien ya nombrado
js-interview-named-is-ego = Esa es la persona entrevistada.
js-interview-add = Añadir
js-interview-name-first = Escriba primero su nombre.
js-interview-remove = Quitar
js-interview-about = Sobre { $name }
js-interview-sociogram-too-few = Se nombró a menos de dos personas: no hay a quién vincular.
js-interview-sociogram-hint = Toque a una persona y luego a otra que la conozca. Opcional.

js-interview-summary-title = Revisar antes de enviar
js-interview-summary-language = Idioma
js-interview-summary-consent = Consentimiento
js-interview-summary-person = Persona entrevistada
js-interview-summary-new = { $name } (nueva)
js-interview-summary-named-one = { $count } persona nombrada
js-interview-summary-named-other = { $count } personas nombradas
js-interview-summary-answers = { $name }: { $questions }
js-interview-summary-trust = confianza { $trust }/5
js-interview-summary-links-one = { $count } vínculo entre personas nombradas.
js-interview-summary-links-other = { $count } vínculos entre personas nombradas.

js-interview-saved = Entrevista guardada
js-interview-done-sending = Guardada en este teléfono; enviándola ahora.
js-interview-done-sent = Enviada: la red ya la tiene.
js-interview-done-kept = Guardada en este teléfono: se enviará en cuanto vuelva la conexión.
js-interview-another = Empezar otra entrevista
js-interview-protocol-unavailable = No se pudieron cargar las preguntas: abra esta página una vez con conexión.
