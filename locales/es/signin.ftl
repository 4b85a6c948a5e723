# The sign-in page.

signin-title = Entrar
signin-not-signed-in = No ha iniciado sesión
signin-token-label = Token de acceso
signin-token-hint = Su administrador le da un token. Decide lo que puede ver: solo recuentos, datos de investigación seudonimizados o la propia red.
signin-button = Entrar
signin-too-many = Demasiados intentos fallidos desde aquí. Inténtelo de nuevo en { $seconds ->
    [one] { $seconds } segundo
   *[other] { $seconds } segundos
}.
signin-form-too-old = El formulario era demasiado antiguo o no se envió desde este sitio. Vuelva a iniciar sesión.
signin-token-unknown = Ese token es desconocido, ha caducado o fue revocado.
