# The sign-in page.

signin-title = Entrar
signin-not-signed-in = Não tem sessão iniciada
signin-token-label = Token de acesso
signin-token-hint = O seu administrador dá-lhe um token. Ele decide o que pode ver: só contagens, dados de investigação pseudonimizados, ou a própria rede.
signin-button = Entrar
signin-too-many = Demasiadas tentativas falhadas a partir daqui. Tente de novo dentro de { $seconds ->
    [one] { $seconds } segundo
   *[other] { $seconds } segundos
}.
signin-form-too-old = O formulário era antigo demais ou não foi enviado deste site. Entre de novo.
signin-token-unknown = Esse token é desconhecido, expirou ou foi revogado.
