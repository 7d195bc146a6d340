package dev.ipmi.testing;

import dev.ipmi.core.IpmiRequest;
import dev.ipmi.core.wire.ByteReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * Finds every decoder in a compiled module by reflection, so a property can throw arbitrary bytes
 * at all of them and a newly added codec cannot be forgotten: static methods named
 * {@code decode*} / {@code parse*} whose parameters are bytes (a {@link ByteReader}, a
 * {@code byte[]}, optionally with ints, booleans and a field name), and {@link IpmiRequest#decodeResponse} of every request
 * class that can be built from default arguments.
 */
public final class DecoderSweep {
    private DecoderSweep() {}

    /** One way into a decoder: bytes and a small int (used where the decoder takes an int) to a value. */
    public record Entry(String name, Decoder decoder) {
        @Override
        public String toString() {
            return name;
        }
    }

    @FunctionalInterface
    public interface Decoder {
        Object decode(byte[] bytes, int small) throws Throwable;
    }

    /** All classes compiled into the directory or jar that holds {@code anchor}. */
    public static List<Class<?>> classesBeside(Class<?> anchor) {
        try {
            Path root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
            List<String> names = new ArrayList<>();
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(f -> f.toString().endsWith(".class"))
                            .forEach(f -> names.add(root.relativize(f).toString().replace(java.io.File.separatorChar, '/')));
                }
            } else {
                // a reactor build hands the upstream modules over as jars
                try (java.util.jar.JarFile jar = new java.util.jar.JarFile(root.toFile())) {
                    jar.stream().map(java.util.jar.JarEntry::getName).filter(n -> n.endsWith(".class")).forEach(names::add);
                }
            }
            List<Class<?>> out = new ArrayList<>();
            for (String file : names.stream().sorted().toList()) {
                String name = file.replace('/', '.').replaceAll("\\.class$", "");
                if (name.endsWith("package-info") || name.endsWith("module-info")) {
                    continue;
                }
                out.add(Class.forName(name, false, anchor.getClassLoader()));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException | ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Static {@code decode*}/{@code parse*} methods over bytes in {@code classes}. */
    public static List<Entry> staticDecoders(List<Class<?>> classes) {
        List<Entry> out = new ArrayList<>();
        for (Class<?> c : classes) {
            Method[] methods = c.getDeclaredMethods();
            Arrays.sort(methods, Comparator.comparing(Method::toString));
            for (Method m : methods) {
                if (!Modifier.isStatic(m.getModifiers()) || m.isSynthetic() || m.getReturnType() == void.class
                        || !(m.getName().startsWith("decode") || m.getName().startsWith("parse"))) {
                    continue;
                }
                Class<?>[] types = m.getParameterTypes();
                long byteParams = Arrays.stream(types).filter(t -> t == ByteReader.class || t == byte[].class).count();
                boolean simple = Arrays.stream(types).allMatch(t -> t == ByteReader.class || t == byte[].class
                        || t == int.class || t == boolean.class || t == String.class);
                if (byteParams != 1 || !simple) {
                    continue;
                }
                m.setAccessible(true);
                out.add(new Entry(c.getName() + "." + m.getName() + Arrays.toString(types), (bytes, small) -> {
                    Object[] args = new Object[types.length];
                    int ints = 0;
                    for (int i = 0; i < types.length; i++) {
                        if (types[i] == ByteReader.class) {
                            args[i] = ByteReader.of(bytes);
                        } else if (types[i] == byte[].class) {
                            args[i] = bytes.clone();
                        } else if (types[i] == boolean.class) {
                            args[i] = (small & 1) != 0;
                        } else if (types[i] == String.class) {
                            args[i] = "fuzzed field";
                        } else {
                            // (byte[], offset, length) style: the whole array; otherwise the small int
                            args[i] = byteArrayWindow(types, i) ? (ints++ == 0 ? 0 : bytes.length) : small;
                        }
                    }
                    return invoke(m, args);
                }));
            }
        }
        return out;
    }

    private static boolean byteArrayWindow(Class<?>[] types, int i) {
        return types.length == 3 && types[0] == byte[].class && types[1] == int.class && types[2] == int.class;
    }

    /** Result of trying to build every {@link IpmiRequest} class with default arguments. */
    public record Requests(List<IpmiRequest<?>> built, List<String> notBuilt) {}

    public static Requests requests(List<Class<?>> classes) {
        List<IpmiRequest<?>> built = new ArrayList<>();
        List<String> notBuilt = new ArrayList<>();
        for (Class<?> c : classes) {
            if (!IpmiRequest.class.isAssignableFrom(c) || c.isInterface() || Modifier.isAbstract(c.getModifiers())) {
                continue;
            }
            IpmiRequest<?> r = build(c);
            if (r == null) {
                notBuilt.add(c.getName());
            } else {
                built.add(r);
            }
        }
        return new Requests(built, notBuilt);
    }

    private static IpmiRequest<?> build(Class<?> c) {
        Constructor<?>[] ctors = c.getDeclaredConstructors();
        Arrays.sort(ctors, Comparator.comparingInt(Constructor::getParameterCount));
        for (Constructor<?> k : ctors) {
            Object[] args = new Object[k.getParameterCount()];
            boolean ok = true;
            Parameter[] ps = k.getParameters();
            for (int i = 0; i < ps.length && ok; i++) {
                Object v = defaultFor(ps[i].getType());
                if (v == null) {
                    ok = false;
                }
                args[i] = v;
            }
            if (!ok) {
                continue;
            }
            try {
                k.setAccessible(true);
                return (IpmiRequest<?>) k.newInstance(args);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // try the next constructor
            }
        }
        for (Method m : c.getDeclaredMethods()) {
            if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == c && m.getParameterCount() <= 2) {
                Object[] args = Arrays.stream(m.getParameterTypes()).map(DecoderSweep::defaultFor).toArray();
                if (Arrays.stream(args).anyMatch(a -> a == null)) {
                    continue;
                }
                try {
                    m.setAccessible(true);
                    return (IpmiRequest<?>) m.invoke(null, args);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // try the next factory
                }
            }
        }
        return null;
    }

    private static Object defaultFor(Class<?> t) {
        if (t == int.class || t == Integer.class) {
            return 1;
        }
        if (t == long.class) {
            return 1L;
        }
        if (t == boolean.class) {
            return false;
        }
        if (t == byte[].class) {
            return new byte[] {0x01};
        }
        if (t == String.class) {
            return "x";
        }
        if (t == Optional.class) {
            return Optional.empty();
        }
        if (t == OptionalInt.class) {
            return OptionalInt.empty();
        }
        if (t == List.class) {
            return List.of();
        }
        if (t.isEnum()) {
            return t.getEnumConstants()[0];
        }
        // open enums: the first public static constant of the type itself
        for (var f : t.getDeclaredFields()) {
            if (Modifier.isStatic(f.getModifiers()) && Modifier.isPublic(f.getModifiers()) && f.getType() == t) {
                try {
                    return f.get(null);
                } catch (IllegalAccessException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Every built request's {@code decodeResponse}, as entries. */
    public static List<Entry> responseDecoders(List<IpmiRequest<?>> requests) {
        List<Entry> out = new ArrayList<>();
        for (IpmiRequest<?> r : requests) {
            out.add(new Entry(r.getClass().getName() + ".decodeResponse",
                    (bytes, small) -> r.decodeResponse(ByteReader.of(bytes))));
        }
        return out;
    }

    private static Object invoke(Method m, Object[] args) throws Throwable {
        try {
            return m.invoke(null, args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw e.getCause();
        }
    }

    /** Convenience: a decoder entry from a lambda. */
    public static Entry entry(String name, Function<byte[], Object> f) {
        return new Entry(name, (bytes, small) -> f.apply(bytes));
    }
}
