package dev.lambdanotes.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdanotes.local.Artifacts;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/**
 * What each deployable artifact holds, read from the jars the build made: it fits the size we
 * allow a function (well under Lambda's 50 MB zipped, for a short cold start), it holds none of the
 * libraries the functions were freed of, and every class of ours finds what it refers to in it.
 */
class ArtifactContentsTest {
    /** Each function's deployment package, the zip uploaded, at most: 20 MiB. */
    static final long MAX_PACKAGE_BYTES = 20L * 1024 * 1024;

    /** Each function unzipped (its jar, whose entries are stored) at most: 64 MiB, a quarter of Lambda's 250 MB. */
    static final long MAX_UNZIPPED_BYTES = 64L * 1024 * 1024;

    /**
     * What no artifact may hold, and why: Byte Buddy and Hibernate's integration of it (Hibernate
     * runs with no bytecode provider), the AWS SDK (SecretsManagerSource signs its one request
     * itself), a JAXB implementation (no XML mapping is read), the checker annotations, and
     * Joda-Time's time-zone database (only its DateTime class is loaded, by the runtime's event
     * serializer, and no event we receive holds one).
     */
    static final List<String> FORBIDDEN = List.of("net/bytebuddy/", "org/hibernate/bytecode/internal/bytebuddy/",
            "org/hibernate/bytecode/enhance/internal/bytebuddy/", "org/hibernate/proxy/pojo/bytebuddy/",
            "software/amazon/awssdk/", "org/glassfish/jaxb/", "com/sun/xml/bind/", "com/sun/istack/",
            "org/checkerframework/", "org/joda/time/tz/data/", "META-INF/services/org.hibernate.bytecode.spi.BytecodeProvider");

    private static List<String> modules() {
        return List.copyOf(new TreeSet<>(Project.moduleOfFunction().values()));
    }

    private static List<String> entries(JarFile jar) {
        return jar.stream().map(ZipEntry::getName).toList();
    }

    @Test
    void everyDeploymentPackage_isAtMost20MiB_andAtMost64MiBUnzipped() throws IOException {
        for (String module : modules()) {
            Path jar = Project.artifactOf(module);
            assertThat(Artifacts.deploymentPackageBytes(jar)).as("%s: zip of %s", module, jar).isLessThanOrEqualTo(MAX_PACKAGE_BYTES);
            assertThat(Files.size(jar)).as("%s: %s", module, jar).isLessThanOrEqualTo(MAX_UNZIPPED_BYTES);
        }
    }

    /** The runtime's class loader reads a stored entry without inflating it: a cold start without a cache is faster. */
    @Test
    void everyArtifact_storesItsEntries_withoutCompressingThem() throws IOException {
        for (String module : modules()) {
            try (JarFile jar = new JarFile(Project.artifactOf(module).toFile())) {
                assertThat(jar.stream().filter(entry -> entry.getMethod() != ZipEntry.STORED).map(ZipEntry::getName).toList())
                        .as(module).isEmpty();
            }
        }
    }

    @Test
    void noArtifact_holdsALibraryTheFunctionsDoNotUse() throws IOException {
        for (String module : modules()) {
            try (JarFile jar = new JarFile(Project.artifactOf(module).toFile())) {
                assertThat(entries(jar)).as(module).noneMatch(name -> FORBIDDEN.stream().anyMatch(name::startsWith));
            }
        }
    }

    /**
     * The API functions read their events' JSON themselves: no events classes, no runtime serializer
     * and no Joda-Time (which only that serializer loads) in their artifacts.
     */
    @Test
    void theApiArtifacts_holdNoEventsClasses_norWhatOnlyTheRuntimesSerializerNeeds() throws IOException {
        for (String module : modules()) {
            if (module.equals("migrations")) {
                continue;
            }
            try (JarFile jar = new JarFile(Project.artifactOf(module).toFile())) {
                assertThat(entries(jar)).as(module).noneMatch(name ->
                        name.startsWith("com/amazonaws/services/lambda/runtime/events/")
                                || name.startsWith("com/amazonaws/services/lambda/runtime/serialization/")
                                || name.startsWith("org/joda/"));
            }
        }
    }

    @Test
    void theMigrationArtifact_holdsNoHibernateAndNoApiCode() throws IOException {
        try (JarFile jar = new JarFile(Project.artifactOf("migrations").toFile())) {
            assertThat(entries(jar)).noneMatch(name -> name.startsWith("org/hibernate/")
                    || name.startsWith("jakarta/persistence/") || name.startsWith("dev/lambdanotes/api/")
                    || name.startsWith("dev/lambdanotes/application/") || name.startsWith("dev/lambdanotes/http/"));
        }
    }

    /**
     * The whitelists that keep each artifact small must not drop a class our code refers to: every
     * class named in the constant pool of one of our classes (as a class, or in the type of a field or
     * method used) is in the artifact or in the JDK. The same holds for the part of Bouncy Castle
     * that is kept by a list of classes (Argon2 and what it needs).
     */
    @Test
    void everyClassOurCodeRefersTo_isInTheArtifactOrTheJdk() throws IOException {
        for (String module : modules()) {
            try (JarFile jar = new JarFile(Project.artifactOf(module).toFile())) {
                Set<String> held = new HashSet<>(entries(jar));
                Set<String> missing = new TreeSet<>();
                for (String name : entries(jar)) {
                    if ((name.startsWith("dev/lambdanotes/") || name.startsWith("org/bouncycastle/"))
                            && name.endsWith(".class")) {
                        try (InputStream in = jar.getInputStream(jar.getEntry(name))) {
                            for (String referenced : referencedClasses(in)) {
                                if (!held.contains(referenced + ".class") && !inJdk(referenced)) {
                                    missing.add(referenced + " (from " + name + ")");
                                }
                            }
                        }
                    }
                }
                assertThat(missing).as(module).isEmpty();
            }
        }
    }

    @Test
    void theConstantPoolReader_findsTheClassesAClassRefersTo() throws IOException {
        try (InputStream self = ArtifactContentsTest.class.getResourceAsStream("ArtifactContentsTest.class")) {
            assertThat(referencedClasses(self)).contains("java/util/jar/JarFile", "org/assertj/core/api/Assertions",
                    "java/util/regex/Matcher", "java/io/InputStream");
        }
    }

    private static boolean inJdk(String internalName) {
        try {
            Class.forName(internalName.replace('/', '.'), false, ClassLoader.getPlatformClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static final Pattern DESCRIPTOR_CLASS = Pattern.compile("L([^;<>]+);");

    /** The classes a class file's constant pool names: its class entries, and the types in its member references. */
    static Set<String> referencedClasses(InputStream classFile) throws IOException {
        DataInputStream in = new DataInputStream(classFile);
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        String[] utf8 = new String[count];
        List<Integer> classNames = new java.util.ArrayList<>();
        List<Integer> descriptors = new java.util.ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> utf8[i] = in.readUTF();
                case 7 -> classNames.add(in.readUnsignedShort());
                case 12 -> {
                    in.readUnsignedShort();
                    descriptors.add(in.readUnsignedShort());
                }
                case 16 -> descriptors.add(in.readUnsignedShort());
                case 3, 4, 9, 10, 11, 17, 18 -> in.readInt();
                case 5, 6 -> {
                    in.readLong();
                    i++;
                }
                case 8, 19, 20 -> in.readUnsignedShort();
                case 15 -> {
                    in.readUnsignedByte();
                    in.readUnsignedShort();
                }
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        Set<String> classes = new TreeSet<>();
        for (int index : classNames) {
            String name = utf8[index];
            if (name.startsWith("[")) {
                descriptors.add(index);
            } else {
                classes.add(name);
            }
        }
        for (int index : descriptors) {
            Matcher type = DESCRIPTOR_CLASS.matcher(utf8[index]);
            while (type.find()) {
                classes.add(type.group(1));
            }
        }
        return classes;
    }
}
