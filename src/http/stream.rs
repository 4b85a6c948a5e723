//! Answers written as they are made: a blocking writer on the blocking pool feeds the response
//! body chunk by chunk, so a large export is never held whole in memory. A client that stops
//! reading (or hangs up) ends the writer at its next chunk.

use std::io::Write;
use std::time::Duration;

use axum::body::{Body, Bytes};
use tokio::sync::mpsc;

/// How much a writer gathers before it hands a chunk on.
const CHUNK: usize = 64 * 1024;

/// Chunks in flight between the writer and the client.
const IN_FLIGHT: usize = 4;

/// A blocking `Write` whose bytes become the body of a response.
pub struct BodyWriter {
    buffer: Vec<u8>,
    sender: mpsc::Sender<Result<Bytes, std::io::Error>>,
    runtime: tokio::runtime::Handle,
    patience: Duration,
}

impl BodyWriter {
    fn send(&mut self) -> std::io::Result<()> {
        if self.buffer.is_empty() {
            return Ok(());
        }
        let chunk = Bytes::from(std::mem::replace(
            &mut self.buffer,
            Vec::with_capacity(CHUNK),
        ));
        let sent = self
            .runtime
            .block_on(self.sender.send_timeout(Ok(chunk), self.patience));
        sent.map_err(|_| {
            std::io::Error::new(
                std::io::ErrorKind::BrokenPipe,
                "the client stopped reading the answer",
            )
        })
    }
}

impl Write for BodyWriter {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.buffer.extend_from_slice(bytes);
        if self.buffer.len() >= CHUNK {
            self.send()?;
        }
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        self.send()
    }
}

/// A body written by `write` on the blocking pool. A client that reads nothing for `patience`
/// ends the writer; a writer that fails ends the body with an error (the client sees a cut
/// answer, never a complete-looking one).
pub fn streamed(
    patience: Duration,
    write: impl FnOnce(&mut BodyWriter) -> std::io::Result<()> + Send + 'static,
) -> Body {
    let (sender, mut receiver) = mpsc::channel(IN_FLIGHT);
    let runtime = tokio::runtime::Handle::current();
    tokio::task::spawn_blocking(move || {
        let mut writer = BodyWriter {
            buffer: Vec::with_capacity(CHUNK),
            sender: sender.clone(),
            runtime: runtime.clone(),
            patience,
        };
        let outcome = write(&mut writer).and_then(|()| writer.flush());
        if let Err(error) = outcome {
            if error.kind() != std::io::ErrorKind::BrokenPipe {
                tracing::warn!(%error, "a streamed answer failed while it was written");
            }
            // The error ends the body, so the client never takes a cut answer for a whole one.
            let _ = runtime.block_on(sender.send_timeout(Err(error), patience));
        }
    });
    Body::from_stream(futures_util::stream::poll_fn(move |context| {
        receiver.poll_recv(context)
    }))
}
