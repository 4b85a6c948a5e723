# Shared by every page: the header, the language switch, the navigation.

# This locale's name for itself, in the language switch.
locale-name = Español

count-actors = { $count ->
    [one] { $count } actor
   *[other] { $count } actores
}

skip-to-content = Ir al contenido principal
site-tagline = cómo circula la ayuda en una comunidad
language-switch-label = Idioma de las páginas
language-switch-button = Cambiar

## Error pages

error-forbidden-title = No puede abrir esta página
error-forbidden-text = Su token no da acceso a ella (o el formulario era demasiado antiguo: vuelva atrás, recargue la página e inténtelo de nuevo). Las páginas que puede usar están en el panel; pida más a su administrador si lo necesita.
error-not-found-title = Página no encontrada
error-not-found-text = No existe esa página, o lo que mostraba se ha eliminado. Si escribió la dirección, revísela.
error-method-title = Esta página no puede hacer eso
error-method-text = Vuelva atrás y use los botones y enlaces de la propia página.
error-too-large-title = Era demasiado de una vez
error-too-large-text = Lo enviado es más de lo que relaymap acepta de una sola vez. Envíelo en partes más pequeñas.
error-too-many-title = Demasiadas solicitudes
error-too-many-text = Se pidió demasiado con su token al mismo tiempo. Espere un momento y vuelva a intentarlo.
error-server-title = Lo sentimos, algo salió mal
error-server-text = relaymap no pudo responder. No se cambió nada. Inténtelo de nuevo en un momento; si vuelve a ocurrir, diga a su administrador a qué hora pasó.
error-bad-request-title = Eso no funcionó
error-bad-request-text = No se pudo leer la solicitud. Vuelva atrás, revise lo escrito e inténtelo de nuevo.
error-go-dashboard = Ir al panel
error-sign-in-again = Entrar con otro token
