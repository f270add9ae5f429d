import {
    type ICredentialDataDecryptedObject,
    type ICredentials,
    ICredentialsHelper,
    type ICredentialType,
    type IHttpRequestOptions,
    type INode,
    type INodeCredentialsDetails,
    type INodeProperties,
    type IRequestOptionsSimplified,
    type IWorkflowDataProxyAdditionalKeys,
    type Workflow,
} from 'n8n-workflow';

/**
 * The credentials of a harness run: decrypted data by credential type. n8n's own helper (in the
 * `n8n` server package, not a library) reads them from its database and decrypts them; this one
 * holds them in memory and applies the credential types' generic `authenticate` definitions the
 * way n8n does: every header, query and body value is an expression resolved with `$credentials`.
 */
export class HarnessCredentialsHelper extends ICredentialsHelper {
    constructor(
        protected readonly credentials: Readonly<Record<string, ICredentialDataDecryptedObject>>,
        protected readonly credentialTypes: ReadonlyArray<ICredentialType> = [],
    ) {
        super();
    }

    getParentTypes(): string[] {
        return [];
    }

    isCredentialUsableByNode(): boolean {
        return true;
    }

    async authenticate(credentials: ICredentialDataDecryptedObject, typeName: string, requestOptions: IHttpRequestOptions | IRequestOptionsSimplified, workflow?: Workflow, node?: INode): Promise<IHttpRequestOptions> {
        const type = this.credentialTypes.find((candidate) => candidate.name === typeName);
        const authenticate = type?.authenticate;
        if (authenticate === undefined || typeof authenticate === 'function') {
            return typeof authenticate === 'function' ? authenticate(credentials, requestOptions as IHttpRequestOptions) : (requestOptions as IHttpRequestOptions);
        }
        const resolved = { ...requestOptions } as IHttpRequestOptions & Record<string, unknown>;
        const additionalKeys = { $credentials: credentials } as IWorkflowDataProxyAdditionalKeys;
        for (const [section, values] of Object.entries(authenticate.properties)) {
            const target = { ...((resolved[section] as Record<string, unknown> | undefined) ?? {}) };
            for (const [key, value] of Object.entries(values as Record<string, string>)) {
                target[key] = workflow !== undefined && node !== undefined ? workflow.expression.getSimpleParameterValue(node, value, 'internal', additionalKeys) : value;
            }
            resolved[section] = target;
        }
        return resolved;
    }

    async preAuthentication(): Promise<undefined> {
        return undefined;
    }

    async runPreAuthentication(): Promise<undefined> {
        return undefined;
    }

    async getCredentials(): Promise<ICredentials> {
        throw new Error('the harness gives decrypted credentials only');
    }

    async getDecrypted(_additionalData: unknown, nodeCredentials: INodeCredentialsDetails, type: string): Promise<ICredentialDataDecryptedObject> {
        const data = this.credentials[type];
        if (data === undefined) throw new Error(`no ${type} credentials given to the harness (node credentials ${nodeCredentials.name ?? nodeCredentials.id})`);
        return { ...data };
    }

    async updateCredentials(): Promise<void> {}

    async updateCredentialsOauthTokenData(): Promise<void> {}

    getCredentialsProperties(type: string): INodeProperties[] {
        return this.credentialTypes.find((candidate) => candidate.name === type)?.properties ?? [];
    }
}
