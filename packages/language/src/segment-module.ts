import {
    createDefaultCoreModule,
    createDefaultSharedCoreModule,
    type DefaultSharedCoreModuleContext,
    inject,
    type LangiumCoreServices,
    type LangiumSharedCoreServices,
    type Module,
    type PartialLangiumCoreServices,
} from 'langium';
import { SegmentsGeneratedModule, SegmentsGeneratedSharedModule } from './generated/module.js';
import { SegmentPrinter } from './formatting/segment-printer.js';
import { SegmentLowering } from './ir/segment-lowering.js';
import { createSegmentParser } from './segment-parser.js';
import { SegmentParserErrorMessageProvider } from './segment-parser-errors.js';
import { SegmentSchemaResolver } from './segment-schema-resolver.js';
import { SegmentScopeProvider } from './segment-scope.js';
import { SegmentValueConverter } from './segment-value-converter.js';
import { SegmentTypeChecker } from './types/segment-type-checker.js';
import { SegmentDocumentValidator } from './validation/segment-document-validator.js';
import { registerValidationChecks, SegmentValidator } from './validation/segment-validator.js';
import { DefaultSegmentProjects, type SegmentProjects } from './workspace/segment-projects.js';

/** Services the segment language adds to Langium's core services. */
export interface SegmentAddedServices {
    references: {
        SchemaResolver: SegmentSchemaResolver;
    };
    workspace: {
        Projects: SegmentProjects;
    };
    types: {
        TypeChecker: SegmentTypeChecker;
    };
    validation: {
        SegmentValidator: SegmentValidator;
    };
    printing: {
        Printer: SegmentPrinter;
    };
    ir: {
        Lowering: SegmentLowering;
    };
}

/** All services of the segment language: Langium's core services and ours. */
export type SegmentServices = LangiumCoreServices & SegmentAddedServices;

/** The dependency-injection module of the segment language: our implementations of each service. */
export const SegmentModule: Module<SegmentServices, PartialLangiumCoreServices & SegmentAddedServices> = {
    parser: {
        LangiumParser: (services) => createSegmentParser(services),
        ParserErrorMessageProvider: () => new SegmentParserErrorMessageProvider(),
        ValueConverter: () => new SegmentValueConverter(),
    },
    references: {
        ScopeProvider: (services) => new SegmentScopeProvider(services),
        SchemaResolver: (services) => new SegmentSchemaResolver(services),
    },
    workspace: {
        Projects: (services) => new DefaultSegmentProjects(services.shared),
    },
    types: {
        TypeChecker: (services) => new SegmentTypeChecker(services),
    },
    validation: {
        DocumentValidator: (services) => new SegmentDocumentValidator(services),
        SegmentValidator: (services) => new SegmentValidator(services),
    },
    printing: {
        Printer: () => new SegmentPrinter(),
    },
    ir: {
        Lowering: (services) => new SegmentLowering(services),
    },
};

/**
 * Creates the services of the segment language for a host (the CLI, a test, the language server,
 * an n8n execution). Pass `NodeFileSystem` from `langium/node` to read projects from disk, or
 * `EmptyFileSystem` for documents held in memory.
 */
export function createSegmentServices(context: DefaultSharedCoreModuleContext): {
    shared: LangiumSharedCoreServices;
    Segment: SegmentServices;
} {
    const shared = inject(createDefaultSharedCoreModule(context), SegmentsGeneratedSharedModule);
    const Segment = inject(createDefaultCoreModule({ shared }), SegmentsGeneratedModule, SegmentModule);
    shared.ServiceRegistry.register(Segment);
    registerValidationChecks(Segment);
    return { shared, Segment };
}
