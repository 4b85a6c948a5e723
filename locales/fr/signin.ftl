# The sign-in page.

signin-title = Connexion
signin-not-signed-in = Vous n'êtes pas connecté
signin-token-label = Jeton d'accès
signin-token-hint = Votre administrateur vous donne un jeton. Il décide de ce que vous pouvez voir : des chiffres seulement, des données de recherche pseudonymisées, ou le réseau lui-même.
signin-button = Se connecter
signin-too-many = Trop de connexions échouées depuis cet endroit. Réessayez dans { $seconds ->
    [one] { $seconds } seconde
   *[other] { $seconds } secondes
}.
signin-form-too-old = Le formulaire était trop ancien ou n'a pas été envoyé depuis ce site. Veuillez vous reconnecter.
signin-token-unknown = Ce jeton est inconnu, expiré ou révoqué.
