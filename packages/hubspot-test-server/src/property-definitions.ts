/**
 * Contact property metadata as HubSpot's properties API describes it (`GET /crm/v3/properties/contacts`),
 * and the standard set the test server serves when a test names none.
 */

/** One option of an enumeration property. */
export interface HubSpotPropertyOptionDefinition {
    label: string;
    value: string;
    description?: string;
    displayOrder?: number;
    hidden?: boolean;
}

/** The value types HubSpot gives contact properties. */
export type HubSpotPropertyType = 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool' | 'phone_number';

/** A contact property definition; omitted metadata gets HubSpot's defaults when served. */
export interface HubSpotPropertyDefinition {
    name: string;
    label: string;
    type: HubSpotPropertyType;
    /** How HubSpot's UI edits it: text, textarea, number, date, select, radio, checkbox, booleancheckbox, phonenumber, calculation_*... */
    fieldType: string;
    groupName?: string;
    description?: string;
    options?: HubSpotPropertyOptionDefinition[];
    hidden?: boolean;
    calculated?: boolean;
    hubspotDefined?: boolean;
    displayOrder?: number;
    hasUniqueValue?: boolean;
}

/** A property definition with every field HubSpot returns filled in. */
export type ServedProperty = Required<Omit<HubSpotPropertyDefinition, 'options'>> & {
    options: Array<Required<Pick<HubSpotPropertyOptionDefinition, 'label' | 'value' | 'displayOrder' | 'hidden'>> & { description?: string }>;
    formField: boolean;
    externalOptions: boolean;
    archived: boolean;
    createdAt: string;
    updatedAt: string;
    modificationMetadata: { archivable: boolean; readOnlyDefinition: boolean; readOnlyValue: boolean };
};

/** The properties every contact has, whatever definitions a test passes: HubSpot maintains them itself. */
export const SYSTEM_PROPERTIES: readonly HubSpotPropertyDefinition[] = [
    { name: 'hs_object_id', label: 'Record ID', type: 'number', fieldType: 'number', groupName: 'contactinformation', description: 'The unique ID for this record. This value is set automatically by HubSpot.', hubspotDefined: true },
    { name: 'createdate', label: 'Create Date', type: 'datetime', fieldType: 'date', groupName: 'contactinformation', description: 'The date that a contact entered the system', hubspotDefined: true },
    { name: 'lastmodifieddate', label: 'Last Modified Date', type: 'datetime', fieldType: 'date', groupName: 'contactinformation', description: 'Most recent timestamp of any property update for a contact.', hubspotDefined: true },
];

/** Properties whose values HubSpot sets and the write endpoints refuse. */
export const READ_ONLY_PROPERTIES: ReadonlySet<string> = new Set(['hs_object_id', 'lastmodifieddate']);

function options(...pairs: Array<[value: string, label: string]>): HubSpotPropertyOptionDefinition[] {
    return pairs.map(([value, label], displayOrder) => ({ value, label, displayOrder, hidden: false }));
}

/** A realistic subset of HubSpot's standard contact properties (names, types and options as HubSpot defines them). */
export const DEFAULT_CONTACT_PROPERTIES: readonly HubSpotPropertyDefinition[] = [
    ...SYSTEM_PROPERTIES,
    { name: 'email', label: 'Email', type: 'string', fieldType: 'text', groupName: 'contactinformation', description: "A contact's email address", hubspotDefined: true, hasUniqueValue: false },
    { name: 'firstname', label: 'First Name', type: 'string', fieldType: 'text', groupName: 'contactinformation', description: "A contact's first name", hubspotDefined: true },
    { name: 'lastname', label: 'Last Name', type: 'string', fieldType: 'text', groupName: 'contactinformation', description: "A contact's last name", hubspotDefined: true },
    { name: 'phone', label: 'Phone Number', type: 'string', fieldType: 'phonenumber', groupName: 'contactinformation', description: "A contact's primary phone number", hubspotDefined: true },
    { name: 'company', label: 'Company Name', type: 'string', fieldType: 'text', groupName: 'contactinformation', description: 'Name of the contact\'s company.', hubspotDefined: true },
    { name: 'jobtitle', label: 'Job Title', type: 'string', fieldType: 'text', groupName: 'contactinformation', description: "A contact's job title", hubspotDefined: true },
    { name: 'city', label: 'City', type: 'string', fieldType: 'text', groupName: 'contactinformation', description: "A contact's city of residence", hubspotDefined: true },
    { name: 'country', label: 'Country/Region', type: 'string', fieldType: 'text', groupName: 'contactinformation', description: "The contact's country/region of residence.", hubspotDefined: true },
    {
        name: 'lifecyclestage', label: 'Lifecycle Stage', type: 'enumeration', fieldType: 'radio', groupName: 'contactinformation',
        description: 'The qualification of contacts to sales readiness.', hubspotDefined: true,
        options: options(['subscriber', 'Subscriber'], ['lead', 'Lead'], ['marketingqualifiedlead', 'Marketing Qualified Lead'], ['salesqualifiedlead', 'Sales Qualified Lead'],
            ['opportunity', 'Opportunity'], ['customer', 'Customer'], ['evangelist', 'Evangelist'], ['other', 'Other']),
    },
    {
        name: 'hs_lead_status', label: 'Lead Status', type: 'enumeration', fieldType: 'select', groupName: 'sales_properties',
        description: "The contact's sales, prospecting or outreach status", hubspotDefined: true,
        options: options(['NEW', 'New'], ['OPEN', 'Open'], ['IN_PROGRESS', 'In Progress'], ['OPEN_DEAL', 'Open Deal'], ['UNQUALIFIED', 'Unqualified'],
            ['ATTEMPTED_TO_CONTACT', 'Attempted to Contact'], ['CONNECTED', 'Connected'], ['BAD_TIMING', 'Bad Timing']),
    },
    {
        name: 'hs_buying_role', label: 'Buying Role', type: 'enumeration', fieldType: 'checkbox', groupName: 'contactinformation',
        description: 'Role the contact plays during the sales process. Contacts can have multiple roles.', hubspotDefined: true,
        options: options(['BLOCKER', 'Blocker'], ['BUDGET_HOLDER', 'Budget Holder'], ['CHAMPION', 'Champion'], ['DECISION_MAKER', 'Decision Maker'],
            ['END_USER', 'End User'], ['EXECUTIVE_SPONSOR', 'Executive Sponsor'], ['INFLUENCER', 'Influencer'], ['LEGAL_AND_COMPLIANCE', 'Legal & Compliance'], ['OTHER', 'Other']),
    },
    { name: 'hs_email_optout', label: 'Unsubscribed from all email', type: 'bool', fieldType: 'booleancheckbox', groupName: 'emailinformation', description: 'Indicates that the current email address has opted out of all email.', hubspotDefined: true, options: options(['true', 'Yes'], ['false', 'No']) },
    { name: 'total_revenue', label: 'Total Revenue', type: 'number', fieldType: 'number', groupName: 'deal_information', description: 'The total revenue from closed won deals associated with this contact.', hubspotDefined: true, calculated: true },
    { name: 'num_associated_deals', label: 'Associated Deals', type: 'number', fieldType: 'number', groupName: 'deal_information', description: 'Count of deals associated with this contact', hubspotDefined: true, calculated: true },
    { name: 'hs_analytics_num_visits', label: 'Number of Sessions', type: 'number', fieldType: 'number', groupName: 'analyticsinformation', description: 'The number of times a contact has come to your website', hubspotDefined: true },
    { name: 'notes_last_contacted', label: 'Last Contacted', type: 'datetime', fieldType: 'date', groupName: 'sales_properties', description: 'The last time a call, chat conversation, LinkedIn message, postal mail, meeting, sales email, SMS, or WhatsApp message was logged for a contact.', hubspotDefined: true },
    { name: 'hs_lifecyclestage_customer_date', label: 'Date entered "Customer (Lifecycle Stage Pipeline)"', type: 'datetime', fieldType: 'date', groupName: 'contactinformation', description: 'The date and time when the contact entered the customer stage.', hubspotDefined: true, calculated: true },
    { name: 'hs_all_contact_vids', label: 'All vids for a contact', type: 'enumeration', fieldType: 'checkbox', groupName: 'contactinformation', description: 'The contact IDs merged into this contact.', hubspotDefined: true, hidden: true, options: [] },
];

/**
 * The definitions a server serves: the given set (or HubSpot's standard one) plus the system properties it
 * lacks, each completed with HubSpot's default metadata.
 */
export function servedProperties(definitions: readonly HubSpotPropertyDefinition[] | undefined): ServedProperty[] {
    const given = definitions ?? DEFAULT_CONTACT_PROPERTIES;
    const names = new Set(given.map((definition) => definition.name));
    const all = [...SYSTEM_PROPERTIES.filter((system) => !names.has(system.name)), ...given];
    const stamp = '2019-08-06T02:43:01.000Z';
    return all.map((definition, index) => ({
        name: definition.name,
        label: definition.label,
        type: definition.type,
        fieldType: definition.fieldType,
        groupName: definition.groupName ?? 'contactinformation',
        description: definition.description ?? '',
        options: (definition.options ?? []).map((option, order) => ({
            label: option.label,
            value: option.value,
            displayOrder: option.displayOrder ?? order,
            hidden: option.hidden ?? false,
            ...(option.description === undefined ? {} : { description: option.description }),
        })),
        hidden: definition.hidden ?? false,
        calculated: definition.calculated ?? false,
        hubspotDefined: definition.hubspotDefined ?? false,
        displayOrder: definition.displayOrder ?? index,
        hasUniqueValue: definition.hasUniqueValue ?? false,
        formField: !(definition.hidden ?? false) && !(definition.calculated ?? false),
        externalOptions: false,
        archived: false,
        createdAt: stamp,
        updatedAt: stamp,
        modificationMetadata: { archivable: !(definition.hubspotDefined ?? false), readOnlyDefinition: definition.hubspotDefined ?? false, readOnlyValue: READ_ONLY_PROPERTIES.has(definition.name) || (definition.calculated ?? false) },
    }));
}

/** True when an enumeration holds several options at once (HubSpot joins them with `;`). */
export function isMultiSelect(definition: Pick<HubSpotPropertyDefinition, 'type' | 'fieldType'>): boolean {
    return definition.type === 'enumeration' && definition.fieldType === 'checkbox';
}
