//! The admin's use cases: the tokens (list, issue, revoke) and the audit trail, a page at a time.
//! Each is audited by the HTTP layer like every other admin call; the secret of a new token is
//! returned once and never stored.

use super::{ServiceError, Services};
use crate::domain::{AuditEntry, Caller, Role, Timestamp, Token, TokenSecret};

impl Services {
    /// Every token, newest first.
    pub async fn tokens(&self, caller: &Caller) -> Result<Vec<Token>, ServiceError> {
        admin_only(caller)?;
        let mut tokens = self.store.tokens().await?;
        tokens.sort_by(|a, b| b.created_at.cmp(&a.created_at).then(a.id.cmp(&b.id)));
        Ok(tokens)
    }

    /// A new token, with its secret to show once.
    pub async fn issue_token(
        &self,
        caller: &Caller,
        role: Role,
        label: &str,
        expires_at: Option<Timestamp>,
    ) -> Result<(Token, TokenSecret), ServiceError> {
        admin_only(caller)?;
        let label = Token::parse_label(label)
            .map_err(|e| ServiceError::invalid(e.code(), "label", e.to_string()))?;
        let (token, secret) = Token::issue(role, label, expires_at)
            .map_err(|e| ServiceError::Internal(anyhow::anyhow!("drawing a random secret: {e}")))?;
        self.store.create_token(&token, &secret.hash()).await?;
        Ok((token, secret))
    }

    /// Revokes a token: it stops working at once, and so do its sessions.
    pub async fn revoke_token(&self, caller: &Caller, id: &str) -> Result<Token, ServiceError> {
        admin_only(caller)?;
        let token = self
            .store
            .tokens()
            .await?
            .into_iter()
            .find(|t| t.id == id)
            .ok_or_else(|| ServiceError::NotFound(format!("token {id}")))?;
        self.store.revoke_token(id, &crate::domain::now()).await?;
        Ok(token)
    }

    /// A page of the audit trail, newest first: entries older than `before`, at most `limit`.
    pub async fn audit(
        &self,
        caller: &Caller,
        before: Option<u64>,
        limit: usize,
    ) -> Result<Vec<AuditEntry>, ServiceError> {
        admin_only(caller)?;
        Ok(self.store.audit(before, limit).await?)
    }
}

fn admin_only(caller: &Caller) -> Result<(), ServiceError> {
    if caller.role == Role::Admin {
        Ok(())
    } else {
        Err(ServiceError::Forbidden(format!(
            "{} token may not manage tokens or read the audit trail",
            caller.role.with_article()
        )))
    }
}
