# Shared by every page: the header, the language switch, the navigation.

# This locale's name for itself, in the language switch.
locale-name = Français

count-actors = { $count ->
    [one] { $count } acteur
   *[other] { $count } acteurs
}

skip-to-content = Aller au contenu principal
site-tagline = comment l'aide circule dans une communauté
language-switch-label = Langue des pages
language-switch-button = Changer

## Error pages

error-forbidden-title = Vous ne pouvez pas ouvrir cette page
error-forbidden-text = Votre jeton n'y donne pas accès (ou le formulaire était trop ancien : revenez en arrière, rechargez la page et réessayez). Les pages que vous pouvez utiliser sont sur le tableau de bord ; demandez à votre administrateur si vous avez besoin de plus.
error-not-found-title = Page introuvable
error-not-found-text = Cette page n'existe pas, ou ce qu'elle montrait a été supprimé. Si vous avez tapé l'adresse, vérifiez-la.
error-method-title = Cette page ne peut pas faire cela
error-method-text = Revenez en arrière et utilisez les boutons et les liens de la page.
error-too-large-title = C'était trop d'un coup
error-too-large-text = Ce qui a été envoyé dépasse ce que relaymap accepte en une fois. Envoyez-le en plusieurs parties.
error-too-many-title = Trop de demandes
error-too-many-text = Votre jeton a demandé trop de choses en même temps. Attendez un instant, puis réessayez.
error-server-title = Désolé, quelque chose s'est mal passé
error-server-text = relaymap n'a pas pu répondre. Rien n'a été modifié. Réessayez dans un instant ; si cela se reproduit, indiquez l'heure à votre administrateur.
error-bad-request-title = Cela n'a pas marché
error-bad-request-text = La demande n'a pas pu être lue. Revenez en arrière, vérifiez ce qui a été saisi et réessayez.
error-go-dashboard = Aller au tableau de bord
error-sign-in-again = Se connecter avec un autre jeton
