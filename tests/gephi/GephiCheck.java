// Opens relaymap's GEXF and GraphML exports in the Gephi Toolkit as Gephi opens them: a new
// project, ImportController.importFile with the importer's default settings (default edge merge
// strategy included) and the DefaultProcessor into the workspace. Prints one JSON line per file:
// what Gephi kept (nodes, edges, distinct edge ids), edge weights, the `trust` column (when the
// file declares one; Gephi names a column by the file's attribute or key id, so it is found by its
// title), the edges whose weight is not their trust, and the importer's issues. tests/gephi/check
// compares each line with the file.
//
//   java -cp 'tests/gephi/target/deps/*' tests/gephi/GephiCheck.java FILE...
import java.io.File;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.gephi.graph.api.Column;
import org.gephi.graph.api.Edge;
import org.gephi.graph.api.GraphController;
import org.gephi.graph.api.GraphModel;
import org.gephi.io.importer.api.Container;
import org.gephi.io.importer.api.ImportController;
import org.gephi.io.importer.api.Issue;
import org.gephi.io.processor.plugin.DefaultProcessor;
import org.gephi.project.api.ProjectController;
import org.gephi.project.api.Workspace;
import org.openide.util.Lookup;

public class GephiCheck {
    public static void main(String[] args) throws Exception {
        // The toolkit logs every import step at INFO; the check's answer is its JSON lines.
        Logger.getLogger("").setLevel(Level.WARNING);
        for (var handler : Logger.getLogger("").getHandlers()) handler.setLevel(Level.WARNING);
        if (args.length == 0) {
            System.err.println("usage: java -cp gephi-toolkit-all.jar GephiCheck.java FILE...");
            System.exit(2);
        }
        ProjectController projects = Lookup.getDefault().lookup(ProjectController.class);
        ImportController importer = Lookup.getDefault().lookup(ImportController.class);
        GraphController graphs = Lookup.getDefault().lookup(GraphController.class);
        for (String path : args) {
            File file = new File(path);
            // A project per file, so no file's graph lands in another's workspace.
            projects.newProject();
            Workspace workspace = projects.getCurrentWorkspace();
            Container container = importer.importFile(file);
            if (container == null) {
                System.err.println("GephiCheck: Gephi has no importer for " + path);
                System.exit(1);
            }
            int warnings = 0, severe = 0;
            StringBuilder firstIssues = new StringBuilder();
            for (Issue issue : container.getReport().getIssuesList(Integer.MAX_VALUE)) {
                if (issue.getLevel() == Issue.Level.INFO) continue;
                if (issue.getLevel() == Issue.Level.WARNING) warnings++; else severe++;
                if (warnings + severe <= 3) {
                    if (firstIssues.length() > 0) firstIssues.append(" | ");
                    firstIssues.append(issue.getLevel()).append(": ").append(issue.getMessage());
                }
            }
            importer.process(container, new DefaultProcessor(), workspace);

            GraphModel model = graphs.getGraphModel(workspace);
            Column trust = null;
            for (Column column : model.getEdgeTable()) {
                if (column.getTitle().equals("trust")) trust = column;
            }
            double weightMin = Double.POSITIVE_INFINITY, weightMax = Double.NEGATIVE_INFINITY;
            double trustMin = Double.POSITIVE_INFINITY, trustMax = Double.NEGATIVE_INFINITY;
            int trustMissing = 0, weightNotTrust = 0;
            Set<Object> ids = new HashSet<>();
            for (Edge edge : model.getGraph().getEdges()) {
                ids.add(edge.getId());
                weightMin = Math.min(weightMin, edge.getWeight());
                weightMax = Math.max(weightMax, edge.getWeight());
                if (trust == null) continue;
                Object value = edge.getAttribute(trust);
                if (value instanceof Number n) {
                    trustMin = Math.min(trustMin, n.doubleValue());
                    trustMax = Math.max(trustMax, n.doubleValue());
                    // GEXF weights are read as floats: 0.3 comes back as 0.30000001192092896.
                    if (Math.abs(edge.getWeight() - n.doubleValue()) > 1e-6) weightNotTrust++;
                } else {
                    trustMissing++;
                }
            }
            System.out.println(String.format(Locale.ROOT,
                "{\"file\":%s,\"directed\":%b,\"nodes\":%d,\"edges\":%d,\"edge_ids\":%d,"
                    + "\"weight_min\":%s,\"weight_max\":%s,\"trust_column\":%b,"
                    + "\"trust_min\":%s,\"trust_max\":%s,\"trust_missing\":%d,"
                    + "\"weight_not_trust\":%d,\"warnings\":%d,\"severe\":%d,\"first_issues\":%s}",
                json(path), model.isDirected(), model.getGraph().getNodeCount(),
                model.getGraph().getEdgeCount(), ids.size(), number(weightMin), number(weightMax),
                trust != null, number(trustMin), number(trustMax), trustMissing, weightNotTrust,
                warnings, severe, json(firstIssues.toString())));
            projects.closeCurrentProject();
        }
        // The toolkit leaves non-daemon threads behind.
        System.exit(0);
    }

    private static String number(double value) {
        return Double.isInfinite(value) ? "null" : Double.toString(value);
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') out.append('\\').append(c);
            else if (c < 0x20) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
        }
        return out.append('"').toString();
    }
}
