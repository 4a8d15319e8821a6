//! Progress on standard error for work that takes a while (train, eval, cv, tune).
//!
//! A [`Progress`] draws nothing for its first second, so quick runs stay silent, and nothing at all
//! when standard error is not a terminal or `--quiet` is given. No colors are used (so `NO_COLOR`
//! holds trivially); the bar is cleared when the work ends, before any summary is printed.

use std::io::IsTerminal;
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// How long work runs before its progress is shown.
const DELAY: Duration = Duration::from_secs(1);

/// A progress bar (or a counter, when the total is unknown) that appears after [`DELAY`].
pub struct Progress {
    bar: ProgressBar,
    /// Dropping the sender stops the thread that would reveal the bar.
    reveal: Option<(Sender<()>, JoinHandle<()>)>,
}

impl Progress {
    /// Progress over `total` steps, or a running count of `unit` when `total` is `None`, labeled
    /// `message`. Hidden when `quiet` or when standard error is not a terminal.
    pub fn new(quiet: bool, total: Option<u64>, message: &str, unit: &str) -> Self {
        if quiet || !std::io::stderr().is_terminal() {
            return Self {
                bar: ProgressBar::hidden(),
                reveal: None,
            };
        }
        let (bar, template) = match total {
            Some(total) => (
                ProgressBar::with_draw_target(Some(total), ProgressDrawTarget::hidden()),
                format!("{{msg}} [{{bar:30}}] {{pos}}/{{len}} {unit}, {{elapsed}} (about {{eta}} left)"),
            ),
            None => (
                ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden()),
                format!("{{spinner}} {{msg}}: {{human_pos}} {unit}, {{elapsed}}"),
            ),
        };
        let style = ProgressStyle::with_template(&template)
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> ")
            .tick_chars("|/-\\ ");
        bar.set_style(style);
        bar.set_message(message.to_string());
        let (sender, receiver) = mpsc::channel::<()>();
        let shown = bar.clone();
        let thread = std::thread::spawn(move || {
            if let Err(RecvTimeoutError::Timeout) = receiver.recv_timeout(DELAY) {
                shown.set_draw_target(ProgressDrawTarget::stderr());
                shown.enable_steady_tick(Duration::from_millis(200));
            }
        });
        Self {
            bar,
            reveal: Some((sender, thread)),
        }
    }

    /// Advances by `steps`; callable from any thread.
    pub fn inc(&self, steps: u64) {
        self.bar.inc(steps);
    }

    /// Runs `f` (which prints to standard error) with the bar cleared, and draws it again after.
    pub fn suspend<R>(&self, f: impl FnOnce() -> R) -> R {
        self.bar.suspend(f)
    }

    /// Ends the progress and clears its line.
    pub fn finish(self) {
        drop(self);
    }

    fn stop(&mut self) {
        if let Some((sender, thread)) = self.reveal.take() {
            drop(sender);
            let _ = thread.join();
        }
        self.bar.finish_and_clear();
    }
}

impl Drop for Progress {
    /// An error also clears the bar, so that its message is not drawn over.
    fn drop(&mut self) {
        self.stop();
    }
}
