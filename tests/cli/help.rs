//! --help: examples and defaults.

use super::common::{stdout, Sandbox};

#[test]
fn every_command_has_examples() {
    let sandbox = Sandbox::new();
    for command in [
        &["--help"][..],
        &["train", "--help"],
        &["predict", "--help"],
        &["eval", "--help"],
        &["cv", "--help"],
        &["tune", "--help"],
        &["inspect", "--help"],
        &["merge", "--help"],
        &["update", "--help"],
    ] {
        let help = stdout(sandbox.stance().args(command));
        assert!(help.contains("EXAMPLES:"), "{command:?}");
        assert!(help.contains("stance "), "{command:?}");
        if let Some(name) = command.first().filter(|name| !name.starts_with('-')) {
            assert!(help.contains(&format!("    stance {name} ")), "an example runs {name}");
        }
    }
}

#[test]
fn train_help_shows_the_library_defaults() {
    let sandbox = Sandbox::new();
    let help = stdout(sandbox.stance().args(["train", "--help"]));
    for default in [
        "[default: 1..2]",
        "[default: english]",
        "[default: none]",
        "[default: token]",
        "[default: count]",
        "[default: 1]",
        "[default: 1.0]",
        "[default: multinomial]",
        "[default: learned]",
    ] {
        assert!(help.contains(default), "{default} in\n{help}");
    }
}
