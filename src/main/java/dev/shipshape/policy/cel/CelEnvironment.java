package dev.shipshape.policy.cel;

import com.google.common.collect.ImmutableCollection;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import dev.cel.bundle.Cel;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelValidationException;
import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import dev.cel.common.types.CelTypeProvider;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.common.types.StructType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The CEL environment custom rules are compiled in: {@link CelSchema}'s types declared to the type
 * checker, the variables of each {@link Match}, the standard macros ({@code has}, {@code all},
 * {@code exists}, ...), the strings extension and optional values. One environment per match is
 * built on first use and shared; compiled programs are immutable and safe to share.
 */
final class CelEnvironment {

    /** Why an expression did not compile: CEL's message, and where in the expression (1-based). */
    record CompileError(String message, int line, int column) {
    }

    /** A compiled expression; {@link #evaluate} returns what CEL computed (Boolean, String, Long, List, Map, Optional...). */
    static final class Program {
        private final CelRuntime.Program program;
        private final CelType resultType;

        private Program(CelRuntime.Program program, CelType resultType) {
            this.program = program;
            this.resultType = resultType;
        }

        boolean givesBool() {
            return resultType.kind() == CelKind.BOOL;
        }

        boolean mayGiveBool() {
            return givesBool() || resultType.kind() == CelKind.DYN || resultType.kind() == CelKind.ANY;
        }

        String resultTypeName() {
            return resultType.name();
        }

        Object evaluate(Map<String, Object> variables) throws CelEvaluationException {
            return program.eval(variables);
        }
    }

    static final class CompileFailure extends Exception {
        private final transient List<CompileError> errors;

        CompileFailure(List<CompileError> errors) {
            super(errors.isEmpty() ? "does not compile" : errors.getFirst().message());
            this.errors = List.copyOf(errors);
        }

        List<CompileError> errors() {
            return errors;
        }
    }

    private static final Map<Match, Cel> ENVIRONMENTS = new EnumMap<>(Match.class);

    private CelEnvironment() {
    }

    static Program compile(Match match, String expression) throws CompileFailure {
        Cel cel = environment(match);
        CelAbstractSyntaxTree ast;
        try {
            ast = cel.compile(expression).getAst();
        } catch (CelValidationException invalid) {
            List<CompileError> errors = invalid.getErrors().stream().map(CelEnvironment::error).toList();
            throw new CompileFailure(errors);
        }
        try {
            return new Program(cel.createProgram(ast), ast.getResultType());
        } catch (CelEvaluationException cannotPlan) {
            throw new CompileFailure(List.of(new CompileError(cannotPlan.getMessage(), 1, 1)));
        }
    }

    private static CompileError error(CelIssue issue) {
        var location = issue.getSourceLocation();
        int line = Math.max(location.getLine(), 1);
        int column = Math.max(location.getColumn(), 0) + 1;
        return new CompileError(issue.getMessage(), line, column);
    }

    private static synchronized Cel environment(Match match) {
        return ENVIRONMENTS.computeIfAbsent(match, CelEnvironment::build);
    }

    private static Cel build(Match match) {
        var builder = CelFactory.standardCelBuilder()
                .setOptions(CelOptions.current().enableOptionalSyntax(true).build())
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .setTypeProvider(SchemaTypes.INSTANCE)
                .addCompilerLibraries(CelExtensions.strings(), CelExtensions.optional())
                .addRuntimeLibraries(CelExtensions.strings(), CelExtensions.optional());
        for (Map.Entry<String, String> variable : match.variables().entrySet()) {
            builder.addVar(variable.getKey(), SchemaTypes.INSTANCE.struct(variable.getValue()));
        }
        return builder.build();
    }

    /** {@link CelSchema}'s types as CEL struct types named {@code shipshape.<Type>}. */
    private static final class SchemaTypes implements CelTypeProvider {

        static final SchemaTypes INSTANCE = new SchemaTypes();

        private final Map<String, StructType> structs = new LinkedHashMap<>();

        private SchemaTypes() {
            for (CelSchema.Type type : CelSchema.types()) {
                ImmutableSet<String> names = type.fields().stream().map(CelSchema.Field::name).collect(ImmutableSet.toImmutableSet());
                structs.put(type.name(), StructType.create(CelSchema.PREFIX + type.name(), names,
                        fieldName -> type.field(fieldName).map(field -> celType(field.type()))));
            }
        }

        StructType struct(String typeName) {
            StructType struct = structs.get(typeName);
            if (struct == null) throw new IllegalArgumentException("no such schema type: " + typeName);
            return struct;
        }

        private CelType celType(CelSchema.FieldType type) {
            return switch (type) {
                case CelSchema.Scalar scalar -> switch (scalar) {
                    case STRING -> SimpleType.STRING;
                    case INT -> SimpleType.INT;
                    case BOOL -> SimpleType.BOOL;
                };
                case CelSchema.ListOf list -> ListType.create(celType(list.element()));
                case CelSchema.StringMap map -> MapType.create(SimpleType.STRING, SimpleType.STRING);
                case CelSchema.Struct struct -> struct(struct.typeName());
            };
        }

        @Override
        public ImmutableCollection<CelType> types() {
            return ImmutableList.copyOf(structs.values());
        }

        @Override
        public Optional<CelType> findType(String typeName) {
            if (!typeName.startsWith(CelSchema.PREFIX)) return Optional.empty();
            return Optional.ofNullable(structs.get(typeName.substring(CelSchema.PREFIX.length())));
        }
    }
}
