// Prints java.net.HttpURLConnection's HTTP_* constants and, when spring-web is on the class path,
// Spring's HttpStatus enum, as JSON; read by reflection from the real classes, nothing typed by hand.
// Run as a single-file program: java [-cp spring-web.jar] Constants.java
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

public class Constants {
    public static void main(String[] args) throws Exception {
        Map<Integer, List<String>> jdk = new TreeMap<>();
        for (Field f : java.net.HttpURLConnection.class.getFields()) {
            int m = f.getModifiers();
            if (Modifier.isStatic(m) && Modifier.isFinal(m) && f.getType() == int.class && f.getName().startsWith("HTTP_")
                    && !f.isAnnotationPresent(Deprecated.class)) {
                jdk.computeIfAbsent(f.getInt(null), k -> new ArrayList<>()).add(f.getName());
            }
        }
        StringBuilder out = new StringBuilder("{\"java\":{\"version\":\"" + System.getProperty("java.version") + "\",\"constants\":");
        out.append(json(jdk)).append("}");
        try {
            Class<?> status = Class.forName("org.springframework.http.HttpStatus");
            Map<Integer, List<String>> spring = new TreeMap<>();
            for (Object e : status.getEnumConstants()) {
                Field deprecated = status.getField(((Enum<?>) e).name());
                if (deprecated.isAnnotationPresent(Deprecated.class)) continue;
                int value = (Integer) status.getMethod("value").invoke(e);
                spring.computeIfAbsent(value, k -> new ArrayList<>()).add(((Enum<?>) e).name());
            }
            String version = status.getPackage().getImplementationVersion();
            out.append(",\"spring\":{\"version\":\"").append(version).append("\",\"constants\":").append(json(spring)).append("}");
        } catch (ClassNotFoundException absent) {
            // spring-web not on the class path: only the JDK's table.
        }
        System.out.println(out.append("}"));
    }

    private static String json(Map<Integer, List<String>> m) {
        StringBuilder b = new StringBuilder("{");
        for (Map.Entry<Integer, List<String>> e : m.entrySet()) {
            if (b.length() > 1) b.append(',');
            b.append('"').append(e.getKey()).append("\":[");
            for (int i = 0; i < e.getValue().size(); i++) b.append(i > 0 ? "," : "").append('"').append(e.getValue().get(i)).append('"');
            b.append(']');
        }
        return b.append('}').toString();
    }
}
