# The sign-in page.

signin-title = Sign in
signin-not-signed-in = You are not signed in
signin-token-label = Access token
signin-token-hint = Your administrator gives you a token. It decides what you can see: counts only, pseudonymised research data, or the network itself.
signin-button = Sign in
signin-too-many = Too many failed sign-ins from here. Try again in { $seconds ->
    [one] { $seconds } second
   *[other] { $seconds } seconds
}.
signin-form-too-old = The form was too old or not sent from this site. Please sign in again.
signin-token-unknown = That token is unknown, expired or revoked.
