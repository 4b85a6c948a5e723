// A real Neo4j Community server (embedded, Bolt on 127.0.0.1) for relaymap's integration tests.
//
//   java -cp 'tests/neo4j/target/deps/*' tests/neo4j/Launcher.java HOME_DIR PORT PASSWORD
//
// stdout carries exactly one line, "READY bolt://127.0.0.1:PORT", so callers can wait for it;
// Neo4j's own messages go to HOME_DIR/logs/ (user.log here, debug.log from Neo4j itself).

import java.io.FileOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;
import org.neo4j.logging.log4j.Log4jLogProvider;

public class Launcher {
    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: Launcher HOME_DIR PORT PASSWORD");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args[1]);
        String password = args[2];

        // Keep the real stdout for the READY line only; anything else that prints goes to a file.
        PrintStream console = System.out;
        Files.createDirectories(home.resolve("logs"));
        PrintStream userLog = new PrintStream(new FileOutputStream(home.resolve("logs/user.log").toFile(), true), true);
        System.setOut(userLog);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setUserLogProvider(new Log4jLogProvider(userLog))
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(HttpsConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                // Neo4j 5 rejects passwords shorter than 8 characters by default; tests pick their own.
                .setConfig(GraphDatabaseSettings.auth_minimum_password_length, 1)
                // Test-sized memory and logs: the defaults are sized for production machines.
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(64))
                .setConfig(GraphDatabaseSettings.logical_log_rotation_threshold, ByteUnit.mebiBytes(1))
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "1 files")
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.udc_enabled, false) // no network here; don't try
                // Bolt otherwise waits 5 s for connections and 5 s for its thread pool on shutdown.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(200))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(200))
                .build();

        // Neo4j may call shutdown() from a hook too; guard so it happens once.
        Runnable stop = new Runnable() {
            private boolean done;
            public synchronized void run() {
                if (!done) { done = true; dbms.shutdown(); }
            }
        };
        CountDownLatch stopRequested = new CountDownLatch(1);
        // A JVM killed by SIGTERM exits 143 even after clean hooks; handling the signal
        // ourselves lets the main thread shut down and exit 0.
        for (String sig : new String[] {"TERM", "INT"}) {
            sun.misc.Signal.handle(new sun.misc.Signal(sig), s -> stopRequested.countDown());
        }
        Runtime.getRuntime().addShutdownHook(new Thread(stop)); // any other exit path

        try {
            setPassword(dbms, password);
            waitForPort(port, Duration.ofSeconds(60));
        } catch (Exception e) {
            e.printStackTrace();
            stop.run();
            System.exit(1);
        }
        console.println("READY bolt://127.0.0.1:" + port);
        console.flush();

        stopRequested.await();
        stop.run();
        System.exit(0);
    }

    // On first start the system database creates user neo4j with password "neo4j" and
    // "change required", which Bolt clients cannot get past. ALTER USER fixes both. On a
    // restart the password may already be this one, and Neo4j refuses to "change" a password
    // to itself; that case is fine.
    static void setPassword(DatabaseManagementService dbms, String password) {
        try {
            dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $pw CHANGE NOT REQUIRED", Map.of("pw", password));
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("cannot be the same")) throw e;
        }
    }

    // build() returns once the connector is started, but a connect proves it.
    static void waitForPort(int port, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (java.io.IOException e) {
                if (System.nanoTime() > deadline) throw e;
                Thread.sleep(100);
            }
        }
    }
}
