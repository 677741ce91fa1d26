package dev.lambdanotes.persistence;

import org.hibernate.type.descriptor.WrapperOptions;
import org.hibernate.type.descriptor.java.JavaType;
import org.hibernate.type.format.FormatMapper;

/**
 * Hibernate's format mapper for JSON and XML columns, given because no entity has one. Without it,
 * Hibernate builds a Jackson {@code ObjectMapper} at every boot when it finds Jackson on the class
 * path (it searches the class path for Jackson modules too), which loads about 370 classes the
 * functions never use. An entity that maps a JSON or XML column fails loudly here, at its first use.
 */
final class NoJsonOrXmlColumns implements FormatMapper {
    static final NoJsonOrXmlColumns INSTANCE = new NoJsonOrXmlColumns();

    private NoJsonOrXmlColumns() {
    }

    @Override
    public <T> T fromString(CharSequence text, JavaType<T> javaType, WrapperOptions options) {
        throw refused();
    }

    @Override
    public <T> String toString(T value, JavaType<T> javaType, WrapperOptions options) {
        throw refused();
    }

    private static UnsupportedOperationException refused() {
        return new UnsupportedOperationException("no entity maps a JSON or XML column: give Hibernate a format mapper"
                + " in HibernateBootstrap before mapping one");
    }
}
