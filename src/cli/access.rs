//! Tokens and the audit trail at the command line (whoever can read the store is an admin).

use std::io::Write;

use anyhow::Context;

use super::args::*;

pub(super) async fn token(args: TokenArgs) -> anyhow::Result<()> {
    use crate::domain::{Role, Token, format_timestamp};
    let store_args = match &args.action {
        TokenAction::Create { store, .. }
        | TokenAction::List { store }
        | TokenAction::Revoke { store, .. } => store,
    };
    let store = store_args.open().await?;
    let audit = |action: &str, target: &str| crate::domain::AuditEntry {
        seq: 0,
        at: crate::domain::now(),
        who: "cli".into(),
        role: None,
        action: action.into(),
        target: Some(target.into()),
        outcome: "ok".into(),
        records: None,
        subjects: Vec::new(),
    };
    match args.action {
        TokenAction::Create {
            role,
            name,
            expires,
            ..
        } => {
            let role = Role::parse(&role)?;
            let label = Token::parse_label(&name)?;
            let expires_at =
                expires.map(|days| crate::domain::now() + chrono::Duration::days(days as i64));
            let (token, secret) = crate::app::new_token(role, label, expires_at)?;
            store
                .create_token(&token, &secret.hash())
                .await
                .with_context(|| format!("storing the token in {}", store.describe()))?;
            store
                .append_audit(&audit("token.create", &token.id))
                .await?;
            eprintln!(
                "relaymap: made {} token {} ({}); its secret is shown only now:",
                token.role, token.id, token.label
            );
            writeln!(std::io::stdout().lock(), "{}", secret.expose())?;
        }
        TokenAction::List { .. } => {
            let at = crate::domain::now();
            // Written with `?`: a reader that stops early ends the listing quietly.
            let tokens = store.tokens().await?;
            let mut out = std::io::stdout().lock();
            writeln!(out, "id\trole\tlabel\tcreated_at\texpires_at\tstate")?;
            for token in tokens {
                let state = match (&token.revoked_at, token.is_valid_at(&at)) {
                    (Some(_), _) => "revoked",
                    (None, false) => "expired",
                    (None, true) => "active",
                };
                writeln!(
                    out,
                    "{}\t{}\t{}\t{}\t{}\t{state}",
                    token.id,
                    token.role,
                    token.label,
                    format_timestamp(&token.created_at),
                    token
                        .expires_at
                        .as_ref()
                        .map(format_timestamp)
                        .unwrap_or_default(),
                )?;
            }
        }
        TokenAction::Revoke { id, .. } => {
            store
                .revoke_token(&id, &crate::domain::now())
                .await
                .with_context(|| format!("revoking {id}"))?;
            store.append_audit(&audit("token.revoke", &id)).await?;
            eprintln!("relaymap: revoked {id}");
        }
    }
    Ok(())
}

pub(super) async fn audit(args: AuditArgs) -> anyhow::Result<()> {
    let store = args.store.open().await?;
    let limit = usize::try_from(args.limit).unwrap_or(usize::MAX);
    let entries = store.audit(None, limit).await?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "seq\tat\twho\trole\taction\ttarget\toutcome")?;
    for entry in entries {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t{}\t{}",
            entry.seq,
            crate::domain::format_timestamp(&entry.at),
            entry.who,
            entry.role.map_or("", crate::domain::Role::as_str),
            entry.action,
            entry.target.unwrap_or_default(),
            entry.outcome
        )?;
    }
    Ok(())
}
