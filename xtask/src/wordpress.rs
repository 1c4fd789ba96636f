//! A real WordPress on loopback, for the end-to-end check that a post whose
//! body is only a consultation link embeds the live widget: Debian's
//! WordPress 6.1 served by an Apache and a MariaDB of our own, each a
//! [`Service`] on a free 127.0.0.1 port with its state under
//! `target/wordpress/`, fresh at each start.
//!
//! WordPress does all the embedding itself: it fetches the consultation page,
//! finds the oEmbed `<link>` before `</head>`, fetches Parvis' oEmbed answer,
//! sanitizes its HTML (`wp_filter_oembed_result`) and loads `wp-embed.js`,
//! which resizes the iframe. The one thing added is a must-use plugin
//! (see [`LOOPBACK_PLUGIN`]) that lets it fetch from Parvis on loopback.

use crate::process::{Interrupt, Service, exec, output, start_on_free_port, wait_for_http};
use crate::wrangler::random_hex;
use crate::{Result, paths};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

/// Debian's packages. `wordpress` already depends on Apache, mod_php and
/// php-mysql (named anyway, so the choice among alternatives is ours); its
/// theme is only recommended (without one the site has no front end) and
/// MariaDB only suggested.
const PACKAGES: &[&str] = &[
    "wordpress",
    "wordpress-theme-twentytwentythree",
    "mariadb-server",
    "apache2",
    "libapache2-mod-php",
    "php-mysql",
];
/// Where Debian installs WordPress.
const WORDPRESS_ROOT: &str = "/usr/share/wordpress";
/// Debian's `WP_CONTENT_DIR` (themes are linked there from the packages).
const CONTENT_DIR: &str = "/var/lib/wordpress/wp-content";
/// Debian's `wp-config.php` loads `config-{Host without port}.php` from here.
const CONFIG_DIR: &str = "/etc/wordpress";
/// The site's host, as in its origin.
const HOST: &str = "127.0.0.1";
/// The site's administrator.
const ADMIN_USER: &str = "admin";
/// The database and its user.
const DATABASE: &str = "wordpress";
/// How long MariaDB or Apache may take to answer after starting.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// A WordPress site on 127.0.0.1, stopped when dropped.
pub struct WordPress {
    // Fields drop in order: Apache stops before its database.
    apache: Service,
    mariadb: Service,
    admin_password: String,
    state: PathBuf,
    /// The site's origin, e.g. `http://127.0.0.1:PORT`.
    pub origin: String,
}

impl WordPress {
    /// Installs Debian's packages when missing, starts MariaDB and Apache on
    /// loopback with state under target/wordpress/ (fresh each start),
    /// installs a WordPress site, and lets it fetch oEmbed from `parvis_origin`.
    pub fn start(parvis_origin: &str) -> Result<WordPress> {
        let (parvis_host, parvis_port) = host_and_port(parvis_origin)?;
        ensure_packages()?;
        let started = Instant::now();
        let state = paths::target().join("wordpress");
        if state.exists() {
            std::fs::remove_dir_all(&state)?;
        }
        std::fs::create_dir_all(state.join("mu-plugins"))?;

        let db_password = random_hex(16)?;
        let (mariadb, db_port) = start_mariadb(&state, &db_password)?;
        let (apache, port) = start_on_free_port(|port| start_apache(&state, port))?;
        let origin = format!("http://{HOST}:{port}");
        write_config(&state, &origin, db_port, &db_password)?;
        std::fs::write(
            state.join("mu-plugins").join("parvis-loopback-oembed.php"),
            LOOPBACK_PLUGIN
                .replace("{PARVIS_HOST}", &parvis_host)
                .replace("{PARVIS_PORT}", &parvis_port.to_string()),
        )?;

        let site = WordPress {
            apache,
            mariadb,
            admin_password: random_hex(12)?,
            state,
            origin,
        };
        site.php(
            INSTALL_SCRIPT,
            &[
                ("PARVIS_WP_ADMIN_USER", ADMIN_USER),
                ("PARVIS_WP_ADMIN_PASSWORD", &site.admin_password),
            ],
        )?;
        println!(
            "WordPress started at {} in {:.1?}",
            site.origin,
            started.elapsed()
        );
        Ok(site)
    }

    /// Publishes a post (as the site's admin) with this exact content and
    /// returns its permalink (absolute URL).
    pub fn publish_post(&self, title: &str, content: &str) -> Result<String> {
        // Through the environment, so no quoting can alter the content.
        let printed = self.php(
            PUBLISH_SCRIPT,
            &[
                ("PARVIS_WP_POST_TITLE", title),
                ("PARVIS_WP_POST_CONTENT", content),
            ],
        )?;
        let permalink = printed.lines().last().unwrap_or_default().trim();
        if !permalink.starts_with(&self.origin) {
            return Err(format!("publishing the post printed {printed:?}, not a permalink").into());
        }
        Ok(permalink.to_string())
    }

    /// Views a page of the site once, as its author previews a post they
    /// just published, and returns its HTML. The first view of a post with
    /// a link on its own line is when WordPress discovers and caches the
    /// embed (a failure there is cached too, until the post is saved).
    pub fn view(&self, url: &str) -> Result<String> {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .http_status_as_error(false)
            .timeout_global(Some(Duration::from_secs(60)))
            .build()
            .into();
        let mut response = agent.get(url).call()?;
        if response.status() != 200 {
            return Err(format!("{url} answered {}", response.status()).into());
        }
        Ok(response.body_mut().read_to_string()?)
    }

    /// Runs a PHP script in WordPress' folder against this site, as a
    /// request to its host would (Debian's `wp-config.php` picks the
    /// configuration by `Host`), with `env` for its input; returns what it
    /// printed.
    fn php(&self, script: &str, env: &[(&str, &str)]) -> Result<String> {
        let host = self.origin.trim_start_matches("http://");
        let mut cmd = Command::new("php");
        cmd.args(["-d", "display_errors=stderr", "-r", script])
            .env("PARVIS_WP_HOST", host)
            .current_dir(WORDPRESS_ROOT);
        for (name, value) in env {
            cmd.env(name, value);
        }
        quietly(&mut cmd)
    }

    /// Whether Apache or MariaDB has stopped.
    fn has_stopped(&mut self) -> bool {
        self.apache.has_exited() || self.mariadb.has_exited()
    }
}

impl Drop for WordPress {
    fn drop(&mut self) {
        // The services stop after this; the configuration names a database
        // that is about to disappear, so it goes too.
        let _ = std::fs::remove_file(config_path());
    }
}

/// `cargo xtask wordpress [PARVIS_ORIGIN]`: a WordPress site to paste
/// consultation links into by hand, until Ctrl-C.
pub fn run(parvis_origin: Option<&str>) -> Result {
    let parvis_origin = parvis_origin.unwrap_or("http://127.0.0.1:8787");
    let interrupt = Interrupt::catch()?;
    let mut site = WordPress::start(parvis_origin)?;

    println!();
    println!("  WordPress:  {}/", site.origin);
    println!("  Sign in:    {}/wp-admin/", site.origin);
    println!("  User:       {ADMIN_USER}");
    println!("  Password:   {}", site.admin_password);
    println!("  Embeds from {parvis_origin}: paste {parvis_origin}/c/ID alone in a post.");
    println!("  Logs:       {}", site.state.display());
    println!();
    println!("Press Ctrl-C to stop it.");
    interrupt.wait(|| {
        site.has_stopped()
            .then_some("Apache or MariaDB stopped unexpectedly")
    })
}

/// The host and port of an `http(s)://host[:port]` origin, checked to be
/// plain enough to write into PHP.
fn host_and_port(origin: &str) -> Result<(String, u16)> {
    let invalid = || format!("{origin:?} is not an origin like http://127.0.0.1:8787");
    let (rest, default_port) = if let Some(rest) = origin.strip_prefix("http://") {
        (rest, 80)
    } else if let Some(rest) = origin.strip_prefix("https://") {
        (rest, 443)
    } else {
        return Err(invalid().into());
    };
    let (host, port) = match rest.split_once(':') {
        Some((host, port)) => (host, port.parse().map_err(|_| invalid())?),
        None => (rest, default_port),
    };
    let plain = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '-';
    if host.is_empty() || !host.chars().all(plain) {
        return Err(invalid().into());
    }
    Ok((host.to_ascii_lowercase(), port))
}

/// Installs [`PACKAGES`] with apt when one is missing.
fn ensure_packages() -> Result {
    let status = output(
        Command::new("dpkg-query")
            .args(["-W", "-f", "${db:Status-Status}\n"])
            .args(PACKAGES),
    );
    if status.is_some_and(|s| s.lines().filter(|l| *l == "installed").count() == PACKAGES.len()) {
        return Ok(());
    }
    let is_root = output(Command::new("id").arg("-u")).is_some_and(|uid| uid.trim() == "0");
    if !is_root || !Path::new("/usr/bin/apt-get").exists() {
        return Err(format!(
            "the WordPress check needs Debian's packages: run \
             `sudo apt-get install -y --no-install-recommends {}` and try again",
            PACKAGES.join(" ")
        )
        .into());
    }
    println!(
        "Installing Debian's WordPress, MariaDB and Apache with apt-get (about a minute, once)…"
    );
    let started = Instant::now();
    let _quiet = NoServiceStarts::new()?;
    exec(Command::new("apt-get").arg("update"))?;
    exec(
        Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends"])
            .args(PACKAGES)
            .env("DEBIAN_FRONTEND", "noninteractive"),
    )?;
    println!("Installed in {:.0?}", started.elapsed());
    Ok(())
}

/// While it lives, apt does not start the system's Apache (port 80) and
/// MariaDB (port 3306) after installing them: Debian's `invoke-rc.d` asks
/// `/usr/sbin/policy-rc.d`, and 101 means "not now". A policy the machine
/// already has is left as it is.
struct NoServiceStarts(Option<PathBuf>);

impl NoServiceStarts {
    fn new() -> Result<NoServiceStarts> {
        use std::os::unix::fs::PermissionsExt;
        let path = PathBuf::from("/usr/sbin/policy-rc.d");
        if path.exists() {
            return Ok(NoServiceStarts(None));
        }
        std::fs::write(
            &path,
            "#!/bin/sh\n# Written by Parvis' xtask while apt runs.\nexit 101\n",
        )?;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755))?;
        Ok(NoServiceStarts(Some(path)))
    }
}

impl Drop for NoServiceStarts {
    fn drop(&mut self) {
        if let Some(path) = &self.0 {
            let _ = std::fs::remove_file(path);
        }
    }
}

/// Initialises a private data folder and runs `mariadbd` on it (never the
/// system's server), with a database and a user for WordPress; returns the
/// service and its TCP port.
fn start_mariadb(state: &Path, password: &str) -> Result<(Service, u16)> {
    let data = state.join("mysql");
    let socket = state.join("mysqld.sock");
    quietly(
        Command::new("mariadb-install-db")
            .arg("--no-defaults")
            .arg(format!("--datadir={}", data.display()))
            .args(["--user=root", "--skip-test-db"]),
    )?;
    let (service, port) = start_on_free_port(|port| {
        let mut service = Service::start(
            "MariaDB",
            Command::new("/usr/sbin/mariadbd")
                .arg("--no-defaults")
                .arg(format!("--datadir={}", data.display()))
                .arg(format!("--socket={}", socket.display()))
                .arg(format!("--pid-file={}", state.join("mysqld.pid").display()))
                .arg(format!(
                    "--log-error={}",
                    state.join("mariadb.log").display()
                ))
                .arg(format!("--port={port}"))
                .args([
                    "--bind-address=127.0.0.1",
                    "--skip-name-resolve",
                    "--user=root",
                ])
                // A test site needs few files open; the defaults ask for more
                // than containers allow, and MariaDB warns at each start.
                .args(["--max-connections=50", "--table-open-cache=400"]),
        )?;
        let deadline = Instant::now() + START_TIMEOUT;
        // Only our own server answers on our socket, whatever holds the port.
        while sql(&socket, "SELECT 1").is_err() {
            if service.has_exited() || Instant::now() > deadline {
                return Err(format!(
                    "MariaDB did not start on port {port}: see {}",
                    state.join("mariadb.log").display()
                )
                .into());
            }
            std::thread::sleep(Duration::from_millis(200));
        }
        Ok(service)
    })?;
    // The password is hex, so it needs no escaping.
    sql(
        &socket,
        &format!(
            "CREATE DATABASE {DATABASE} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
             CREATE USER '{DATABASE}'@'127.0.0.1' IDENTIFIED BY '{password}';
             GRANT ALL PRIVILEGES ON {DATABASE}.* TO '{DATABASE}'@'127.0.0.1';"
        ),
    )?;
    Ok((service, port))
}

/// Runs SQL as MariaDB's root, through the server's socket.
fn sql(socket: &Path, statements: &str) -> Result<String> {
    quietly(
        Command::new("mariadb")
            .arg("--no-defaults")
            .arg(format!("--socket={}", socket.display()))
            .args(["--user=root", "--execute", statements]),
    )
}

/// Runs a command, returning its output, or an error with everything it said.
fn quietly(cmd: &mut Command) -> Result<String> {
    let program = cmd.get_program().to_string_lossy().into_owned();
    let out = cmd
        .output()
        .map_err(|error| format!("could not start {program}: {error}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!(
            "{program} failed ({}): {}{}",
            out.status,
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        )
        .into())
    }
}

/// Runs Apache in the foreground on 127.0.0.1:`port` with a configuration
/// of its own (not Debian's `/etc/apache2`), and waits until it serves.
fn start_apache(state: &Path, port: u16) -> Result<Service> {
    let config = state.join("apache2.conf");
    std::fs::write(&config, apache_config(state, port)?)?;
    let mut service = Service::start(
        "Apache",
        Command::new("/usr/sbin/apache2")
            .arg("-f")
            .arg(&config)
            .arg("-DFOREGROUND"),
    )?;
    let address = format!("{HOST}:{port}");
    wait_for_http(
        &mut service,
        &address,
        "/wp-includes/js/wp-embed.min.js",
        START_TIMEOUT,
    )?;
    Ok(service)
}

/// Apache's configuration: prefork (mod_php is not thread-safe), the few
/// modules WordPress needs, WordPress' pretty permalinks, and Debian's
/// `wp-content` folder at `/wp-content`.
fn apache_config(state: &Path, port: u16) -> Result<String> {
    let php = std::fs::read_dir("/usr/lib/apache2/modules")?
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .find(|name| name.starts_with("libphp") && name.ends_with(".so"))
        .ok_or("mod_php is missing from /usr/lib/apache2/modules")?;
    let state = state.display();
    Ok(format!(
        r#"# Written by Parvis' xtask (xtask/src/wordpress.rs) at each start.
ServerRoot "/usr/lib/apache2"
ServerName {HOST}
Listen {HOST}:{port}
PidFile "{state}/apache2.pid"
DefaultRuntimeDir "{state}"
ErrorLog "{state}/apache-error.log"
LogLevel warn
LogFormat "%h \"%r\" %>s %b %{{User-Agent}}i" short
CustomLog "{state}/apache-access.log" short

LoadModule mpm_prefork_module modules/mod_mpm_prefork.so
LoadModule authz_core_module modules/mod_authz_core.so
LoadModule alias_module modules/mod_alias.so
LoadModule dir_module modules/mod_dir.so
LoadModule mime_module modules/mod_mime.so
LoadModule rewrite_module modules/mod_rewrite.so
LoadModule php_module modules/{php}

# Apache refuses to serve as root: the parent binds the port, the children
# serve as Debian's web user.
User www-data
Group www-data
StartServers 2
MinSpareServers 2
MaxSpareServers 4
MaxRequestWorkers 12

TypesConfig /etc/mime.types
DirectoryIndex index.php
DocumentRoot "{WORDPRESS_ROOT}"
Alias /wp-content "{CONTENT_DIR}"

<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory "{WORDPRESS_ROOT}">
    Options FollowSymLinks
    Require all granted
    # WordPress' own rules for pretty permalinks (its .htaccess).
    RewriteEngine On
    RewriteBase /
    RewriteRule ^index\.php$ - [L]
    RewriteCond %{{REQUEST_FILENAME}} !-f
    RewriteCond %{{REQUEST_FILENAME}} !-d
    RewriteRule . /index.php [L]
</Directory>
<Directory "{CONTENT_DIR}">
    Options FollowSymLinks
    Require all granted
</Directory>
<FilesMatch "\.php$">
    SetHandler application/x-httpd-php
</FilesMatch>
"#
    ))
}

/// Where Debian's `wp-config.php` finds this site's configuration.
fn config_path() -> PathBuf {
    Path::new(CONFIG_DIR).join(format!("config-{HOST}.php"))
}

/// Writes the site's configuration, readable by root and Apache's user only
/// (it holds the database password).
fn write_config(state: &Path, origin: &str, db_port: u16, db_password: &str) -> Result {
    use std::os::unix::fs::PermissionsExt;
    let mut keys = String::new();
    for name in [
        "AUTH_KEY",
        "SECURE_AUTH_KEY",
        "LOGGED_IN_KEY",
        "NONCE_KEY",
        "AUTH_SALT",
        "SECURE_AUTH_SALT",
        "LOGGED_IN_SALT",
        "NONCE_SALT",
    ] {
        keys.push_str(&format!("define( '{name}', '{}' );\n", random_hex(32)?));
    }
    let mu_plugins = state.join("mu-plugins");
    let config = format!(
        "<?php
// Written by Parvis' xtask (xtask/src/wordpress.rs) for its loopback test
// site, and removed when the site stops.
define( 'DB_NAME', '{DATABASE}' );
define( 'DB_USER', '{DATABASE}' );
define( 'DB_PASSWORD', '{db_password}' );
define( 'DB_HOST', '{HOST}:{db_port}' );
define( 'DB_CHARSET', 'utf8mb4' );
define( 'DB_COLLATE', '' );
define( 'WP_HOME', '{origin}' );
define( 'WP_SITEURL', '{origin}' );
// The loopback plugin lives with the rest of this site's state.
define( 'WPMU_PLUGIN_DIR', '{mu_plugins}' );
{keys}",
        mu_plugins = mu_plugins.display(),
    );
    let path = config_path();
    std::fs::write(&path, config)?;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640))?;
    let group = output(Command::new("id").args(["-g", "www-data"]))
        .and_then(|gid| gid.trim().parse().ok())
        .ok_or("the www-data group is missing")?;
    std::os::unix::fs::chown(&path, None, Some(group))?;
    Ok(())
}

/// The must-use plugin that lets WordPress fetch from Parvis on loopback,
/// with `{PARVIS_HOST}` and `{PARVIS_PORT}` filled in (checked plain by
/// [`host_and_port`]).
const LOOPBACK_PLUGIN: &str = r#"<?php
/*
 * Plugin Name: Parvis on loopback (tests only)
 * Description: Lets WordPress fetch oEmbed from a Parvis running on this machine.
 *
 * Written by Parvis' xtask (xtask/src/wordpress.rs) for its test site; never
 * install it on a real site, where nothing of the kind is needed.
 *
 * WordPress fetches the pasted link and the oEmbed answer with
 * wp_safe_remote_get(), whose wp_http_validate_url() refuses loopback and
 * private addresses (unless `http_request_host_is_external` says otherwise)
 * and any port but 80, 443 and 8080 (unless `http_allowed_safe_ports` adds
 * one). In production Parvis is a public HTTPS host on port 443 and passes
 * both checks as it is; in this test it runs on 127.0.0.1 at a random port.
 * These two filters allow exactly that host and port, and nothing else:
 * discovery, the oEmbed fetch and the sanitizing of its HTML
 * (wp_filter_oembed_result) stay WordPress' own.
 */

const PARVIS_TEST_HOST = '{PARVIS_HOST}';
const PARVIS_TEST_PORT = {PARVIS_PORT};

function parvis_test_is_parvis( $url ) {
	$parts = wp_parse_url( $url );
	if ( empty( $parts['host'] ) || empty( $parts['scheme'] ) ) {
		return false;
	}
	$port = isset( $parts['port'] ) ? (int) $parts['port'] : ( 'https' === $parts['scheme'] ? 443 : 80 );
	return PARVIS_TEST_HOST === strtolower( $parts['host'] ) && PARVIS_TEST_PORT === $port;
}

add_filter(
	'http_request_host_is_external',
	function ( $external, $host, $url ) {
		return $external || parvis_test_is_parvis( $url );
	},
	10,
	3
);

add_filter(
	'http_allowed_safe_ports',
	function ( $ports, $host, $url ) {
		if ( parvis_test_is_parvis( $url ) ) {
			$ports[] = PARVIS_TEST_PORT;
		}
		return $ports;
	},
	10,
	3
);
"#;

/// Installs the site as the browser installer would (in English), then sets
/// `/%postname%/` permalinks. Run by `php -r`; input from the environment.
const INSTALL_SCRIPT: &str = r#"
$_SERVER['HTTP_HOST'] = getenv( 'PARVIS_WP_HOST' );
define( 'WP_INSTALLING', true );
require './wp-load.php';
require ABSPATH . 'wp-admin/includes/upgrade.php';
$installed = wp_install(
	'Parvis test site',
	getenv( 'PARVIS_WP_ADMIN_USER' ),
	'admin@example.test',
	true,
	'',
	wp_slash( getenv( 'PARVIS_WP_ADMIN_PASSWORD' ) )
);
if ( empty( $installed['user_id'] ) ) {
	fwrite( STDERR, "wp_install() failed\n" );
	exit( 1 );
}
update_option( 'permalink_structure', '/%postname%/' );
delete_option( 'rewrite_rules' );
"#;

/// Publishes a post as the admin (who may post any HTML, as in the editor)
/// and prints its permalink. Run by `php -r`; input from the environment.
const PUBLISH_SCRIPT: &str = r#"
$_SERVER['HTTP_HOST'] = getenv( 'PARVIS_WP_HOST' );
require './wp-load.php';
wp_set_current_user( 1 );
$id = wp_insert_post(
	wp_slash(
		array(
			'post_title'   => getenv( 'PARVIS_WP_POST_TITLE' ),
			'post_content' => getenv( 'PARVIS_WP_POST_CONTENT' ),
			'post_status'  => 'publish',
			'post_author'  => 1,
		)
	),
	true
);
if ( is_wp_error( $id ) ) {
	fwrite( STDERR, $id->get_error_message() . "\n" );
	exit( 1 );
}
echo get_permalink( $id ), "\n";
"#;

#[cfg(test)]
mod tests {
    use super::host_and_port;

    fn check(origin: &str, expected: Option<(&str, u16)>) {
        let got = host_and_port(origin).ok();
        assert_eq!(
            got.as_ref().map(|(h, p)| (h.as_str(), *p)),
            expected,
            "{origin}"
        );
    }

    #[test]
    fn origins_give_a_plain_host_and_a_port() {
        check("http://127.0.0.1:8787", Some(("127.0.0.1", 8787)));
        check("https://Parvis.example", Some(("parvis.example", 443)));
        check("http://localhost", Some(("localhost", 80)));
        check("http://127.0.0.1:8787/c/x", None);
        check("http://a'b:1", None);
        check("ftp://127.0.0.1", None);
        check("http://:80", None);
    }
}
