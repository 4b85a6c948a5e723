# Shared by every page: the header, the language switch, the navigation.
# Messages whose id starts with js- are used by the scripts (static/js); their values
# ({ $name }) are filled in by the script; use no selectors in them.

# This locale's name for itself, in the language switch.
locale-name = English

count-actors = { $count ->
    [one] { $count } actor
   *[other] { $count } actors
}

skip-to-content = Skip to the main content
site-tagline = how help travels through a community
language-switch-label = Language of the pages
language-switch-button = Change

## Error pages

error-forbidden-title = You cannot open this page
error-forbidden-text = Your token does not give access to it (or the form was too old: go back, reload the page and try again). The pages you can use are on the dashboard; ask your administrator if you need more.
error-not-found-title = Page not found
error-not-found-text = There is no such page, or what it was about has been deleted. If you typed the address, check it.
error-method-title = This page cannot do that
error-method-text = Go back and use the page's own buttons and links.
error-too-large-title = That was too much at once
error-too-large-text = What was sent is larger than relaymap takes in one go. Send it in smaller parts.
error-too-many-title = Too many requests
error-too-many-text = Too much was asked from your token at the same time. Wait a moment, then try again.
error-server-title = Sorry, something went wrong
error-server-text = relaymap could not answer. Nothing was changed. Try again in a moment; if it happens again, tell your administrator the time it happened.
error-bad-request-title = That did not work
error-bad-request-text = The request could not be read. Go back, check what was typed and try again.
error-go-dashboard = Go to the dashboard
error-sign-in-again = Sign in with another token
