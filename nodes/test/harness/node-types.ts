import type { IExecuteFunctions, INodeExecutionData, INodeType, INodeTypes, IVersionedNodeType } from 'n8n-workflow';
import { NodeConnectionTypes, NodeHelpers } from 'n8n-workflow';

/** The package name n8n prefixes our node types with in workflows (`n8n-nodes-segments.segment`). */
export const PACKAGE_NAME = 'n8n-nodes-segments';

/** The type of the harness's start node, {@link ItemsNode}. */
export const ITEMS_NODE_TYPE = 'harness.items';

/**
 * The start node of the harness's workflows: it passes on the items pinned on it (n8n's pin
 * data), as a manual trigger with pinned data does in the editor.
 */
export class ItemsNode implements INodeType {
    description = {
        displayName: 'Items',
        name: 'items',
        group: ['input'],
        version: 1,
        description: 'Passes on its pinned items',
        defaults: { name: 'Items' },
        inputs: [],
        outputs: [NodeConnectionTypes.Main],
        properties: [],
    } satisfies INodeType['description'];

    async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
        return [this.getInputData()];
    }
}

/**
 * The node types of a harness workflow: the node under test (as `n8n-nodes-segments.<name>`,
 * the name of its description) and the {@link ItemsNode}. n8n-core looks node types up here, as
 * it looks them up in the loaded packages of a real instance.
 */
export class HarnessNodeTypes implements INodeTypes {
    protected readonly types = new Map<string, INodeType | IVersionedNodeType>();

    constructor(nodeTypes: ReadonlyArray<INodeType | IVersionedNodeType>) {
        this.types.set(ITEMS_NODE_TYPE, new ItemsNode());
        for (const nodeType of nodeTypes) this.types.set(typeNameOf(nodeType), nodeType);
    }

    getByName(nodeType: string): INodeType | IVersionedNodeType {
        const found = this.types.get(nodeType);
        if (found === undefined) throw new Error(`unknown node type ${nodeType}`);
        return found;
    }

    getByNameAndVersion(nodeType: string, version?: number): INodeType {
        return NodeHelpers.getVersionedNodeType(this.getByName(nodeType), version);
    }

    getKnownTypes() {
        return {};
    }
}

/** The type name of one of our node types in a workflow: `n8n-nodes-segments.<description name>`. */
export function typeNameOf(nodeType: INodeType | IVersionedNodeType): string {
    return `${PACKAGE_NAME}.${nodeType.description.name}`;
}
