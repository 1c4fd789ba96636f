//! Running commands and keeping background services under control.

use crate::Result;
use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

fn describe(cmd: &Command) -> String {
    let mut text = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        text.push(' ');
        text.push_str(&arg.to_string_lossy());
    }
    text
}

/// Runs a command with inherited output; an error if it fails.
pub fn exec(cmd: &mut Command) -> Result {
    println!("$ {}", describe(cmd));
    let status = cmd
        .status()
        .map_err(|error| format!("could not start `{}`: {error}", describe(cmd)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(cmd)).into())
    }
}

/// Runs a command, echoing its standard output while keeping a copy.
/// Returns whether it succeeded and what it printed.
pub fn run_tee(cmd: &mut Command) -> Result<(bool, String)> {
    println!("$ {}", describe(cmd));
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|error| format!("could not start `{}`: {error}", describe(cmd)))?;
    let mut copy = String::new();
    if let Some(stdout) = child.stdout.take() {
        for line in BufReader::new(stdout).lines() {
            let line = line?;
            println!("{line}");
            copy.push_str(&line);
            copy.push('\n');
        }
    }
    Ok((child.wait()?.success(), copy))
}

/// Runs a command quietly and returns its standard output, or `None` if it
/// cannot start or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.stderr(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The process groups of the services running now, for an interrupt that
/// ends xtask before their drops run (see [`stop_services_on_interrupt`]).
static RUNNING: std::sync::Mutex<Vec<u32>> = std::sync::Mutex::new(Vec::new());

/// Sends `signal` to the process group `group`.
fn signal_group(group: u32, signal: &str) {
    let group = format!("-{group}");
    let _ = Command::new("kill")
        .args([signal, "--", &group])
        .stderr(Stdio::null())
        .status();
}

/// For commands that run to their end (`test`, `bench`): Ctrl-C or SIGTERM
/// stops every running service's group, then ends xtask (status 130), so
/// nothing is left holding a port.
pub fn stop_services_on_interrupt() -> Result {
    ctrlc::set_handler(|| {
        let groups = RUNNING
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .clone();
        for group in &groups {
            signal_group(*group, "-TERM");
        }
        std::thread::sleep(Duration::from_secs(2));
        for group in &groups {
            signal_group(*group, "-KILL");
        }
        println!("interrupted: stopped {} service(s)", groups.len());
        std::process::exit(130);
    })?;
    Ok(())
}

/// A long-running child in its own process group, stopped (with everything
/// it started) when dropped: on success, on error and on panic alike.
pub struct Service {
    name: &'static str,
    child: Child,
}

impl Service {
    /// Starts `cmd` in a new process group, so Ctrl-C reaches only xtask,
    /// which then stops the group itself.
    pub fn start(name: &'static str, cmd: &mut Command) -> Result<Service> {
        use std::os::unix::process::CommandExt;
        println!("$ {}  (background)", describe(cmd));
        let child = cmd
            .process_group(0)
            .stdin(Stdio::null())
            .spawn()
            .map_err(|error| format!("could not start {name}: {error}"))?;
        RUNNING
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(child.id());
        Ok(Service { name, child })
    }

    /// Whether the service has exited.
    pub fn has_exited(&mut self) -> bool {
        !matches!(self.child.try_wait(), Ok(None))
    }

    /// Kills the whole group at once, as a crash would (no clean shutdown).
    pub fn crash(&mut self) {
        self.signal_group("-KILL");
        let _ = self.child.wait();
    }

    fn signal_group(&self, signal: &str) {
        signal_group(self.child.id(), signal);
    }
}

impl Drop for Service {
    fn drop(&mut self) {
        // Forgotten by the interrupt handler only once stopped, so an
        // interrupt during the stop still reaches the group.
        let id = self.child.id();
        let forget = || {
            RUNNING
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .retain(|group| *group != id);
        };
        if self.has_exited() {
            forget();
            return;
        }
        self.signal_group("-TERM");
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline && !self.has_exited() {
            std::thread::sleep(Duration::from_millis(100));
        }
        // Whatever is left of the group (workerd children included) goes now.
        self.signal_group("-KILL");
        let _ = self.child.wait();
        forget();
        println!("stopped {}", self.name);
    }
}

/// The status code of `GET http://{address}{path}`, or `None` when nothing answers.
pub fn http_status(address: &str, path: &str) -> Option<u16> {
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        .timeout_global(Some(Duration::from_secs(5)))
        .build()
        .into();
    let response = agent.get(format!("http://{address}{path}")).call().ok()?;
    Some(response.status().as_u16())
}

/// Waits until `GET path` answers 200, or fails after `timeout`.
pub fn wait_for_http(
    service: &mut Service,
    address: &str,
    path: &str,
    timeout: Duration,
) -> Result {
    let deadline = Instant::now() + timeout;
    while Instant::now() < deadline {
        if service.has_exited() {
            return Err(format!("{} exited while starting", service.name).into());
        }
        if http_status(address, path) == Some(200) {
            return Ok(());
        }
        std::thread::sleep(Duration::from_millis(250));
    }
    Err(format!(
        "{} did not answer on http://{address}{path} within {timeout:?}",
        service.name
    )
    .into())
}

/// A port on 127.0.0.1 that nothing listens on right now.
fn free_port() -> Result<u16> {
    let listener = std::net::TcpListener::bind("127.0.0.1:0")?;
    Ok(listener.local_addr()?.port())
}

/// Starts a server that binds a port of its own choosing (wrangler cannot be
/// handed a bound socket): a free port is picked, and if something else
/// takes it before the server binds it, the start fails and another port is
/// tried. Returns the service and its port.
pub fn start_on_free_port(start: impl Fn(u16) -> Result<Service>) -> Result<(Service, u16)> {
    const ATTEMPTS: usize = 5;
    let mut last_error = None;
    for _ in 0..ATTEMPTS {
        let port = free_port()?;
        match start(port) {
            Ok(service) => return Ok((service, port)),
            Err(error) => {
                println!("could not start on port {port} ({error}); trying another port");
                last_error = Some(error);
            }
        }
    }
    Err(last_error.unwrap_or_else(|| "no port could be used".into()))
}

/// Ctrl-C or SIGTERM, caught from the moment it is made (so services started
/// after it are stopped by their drops, not left running).
pub struct Interrupt(std::sync::mpsc::Receiver<()>);

impl Interrupt {
    /// Catches the interrupt; once per process.
    pub fn catch() -> Result<Interrupt> {
        let (tx, rx) = std::sync::mpsc::channel();
        ctrlc::set_handler(move || {
            let _ = tx.send(());
        })?;
        Ok(Interrupt(rx))
    }

    /// Waits for the interrupt, checking every second that what serves is
    /// still up: `stopped` answers why it is not, which fails the wait.
    pub fn wait(self, mut stopped: impl FnMut() -> Option<&'static str>) -> Result {
        use std::sync::mpsc::RecvTimeoutError;
        while let Err(RecvTimeoutError::Timeout) = self.0.recv_timeout(Duration::from_secs(1)) {
            if let Some(why) = stopped() {
                return Err(why.into());
            }
        }
        println!("Stopping…");
        Ok(())
    }
}
