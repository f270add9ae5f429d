import { WeightedTable } from './random.js';

/** Given names, international, a few with accents (e-mail addresses drop them). */
export const firstNames: readonly string[] = [
    'James', 'Mary', 'Robert', 'Patricia', 'John', 'Jennifer', 'Michael', 'Linda', 'David', 'Elizabeth',
    'William', 'Barbara', 'Richard', 'Susan', 'Joseph', 'Jessica', 'Thomas', 'Sarah', 'Charles', 'Karen',
    'Daniel', 'Emily', 'Matthew', 'Olivia', 'Anthony', 'Emma', 'Mark', 'Sophia', 'Steven', 'Ava',
    'Andrew', 'Mia', 'Joshua', 'Chloe', 'Kevin', 'Grace', 'Brian', 'Hannah', 'Ethan', 'Zoë',
    'Liam', 'Noah', 'Lucas', 'Amelia', 'Oliver', 'Isla', 'Jack', 'Freya', 'Harry', 'Poppy',
    'Lukas', 'Lena', 'Felix', 'Anna', 'Jonas', 'Marie', 'Hugo', 'Léa', 'Louis', 'Camille',
    'Mateo', 'Sofía', 'Santiago', 'Valentina', 'José', 'Lucía', 'Gabriel', 'Beatriz', 'Rafael', 'Mariana',
    'Arjun', 'Priya', 'Rohan', 'Ananya', 'Vikram', 'Kavya', 'Wei', 'Mei', 'Hiroshi', 'Yuki',
    'Chen', 'Aisha', 'Omar', 'Fatima', 'Kwame', 'Amara', 'Mohammed', 'Noor', 'Ivan', 'Olga',
];

/** Family names, international. */
export const lastNames: readonly string[] = [
    'Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Garcia', 'Miller', 'Davis', 'Rodriguez', 'Martinez',
    'Hernandez', 'Lopez', 'Gonzalez', 'Wilson', 'Anderson', 'Thomas', 'Taylor', 'Moore', 'Jackson', 'Martin',
    'Lee', 'Perez', 'Thompson', 'White', 'Harris', 'Sanchez', 'Clark', 'Ramirez', 'Lewis', 'Robinson',
    'Walker', 'Young', 'Allen', 'King', 'Wright', 'Scott', 'Torres', 'Nguyen', 'Hill', 'Flores',
    'Green', 'Adams', 'Nelson', 'Baker', 'Hall', 'Rivera', 'Campbell', 'Mitchell', 'Carter', 'Roberts',
    'Müller', 'Schmidt', 'Schneider', 'Fischer', 'Weber', 'Dubois', 'Durand', 'Lefèvre', 'Moreau', 'Laurent',
    'Silva', 'Santos', 'Oliveira', 'Souza', 'Costa', 'Patel', 'Sharma', 'Singh', 'Kumar', 'Gupta',
    'Tanaka', 'Suzuki', 'Wang', 'Li', 'Zhang', "O'Brien", 'Murphy', 'Kelly', 'MacDonald', 'Novak',
];

/** Consumer mailbox providers, by share. */
export const consumerDomains = new WeightedTable<string>([
    ['gmail.com', 40],
    ['yahoo.com', 10],
    ['outlook.com', 10],
    ['hotmail.com', 7],
    ['icloud.com', 7],
    ['aol.com', 2],
    ['proton.me', 2],
    ['gmx.de', 3],
    ['web.de', 2],
    ['orange.fr', 2],
    ['live.co.uk', 2],
]);

/** Company domains, for contacts with a professional job title. `company.com` is our own staff. */
export const corporateDomains = new WeightedTable<readonly [domain: string, company: string]>([
    [['acme.com', 'Acme Corporation'], 12],
    [['globex.com', 'Globex'], 8],
    [['initech.com', 'Initech'], 8],
    [['umbrella.co', 'Umbrella Co'], 5],
    [['hooli.com', 'Hooli'], 6],
    [['piedpiper.io', 'Pied Piper'], 4],
    [['starkindustries.com', 'Stark Industries'], 3],
    [['wayne-enterprises.com', 'Wayne Enterprises'], 3],
    [['soylent.io', 'Soylent'], 3],
    [['vandelay.com', 'Vandelay Industries'], 3],
    [['company.com', 'Company'], 4],
]);

/** Names of companies of contacts who sign up with a consumer address. */
export const companyNames: readonly string[] = [
    'Northwind Traders', 'Contoso', 'Fabrikam', 'Tailspin Toys', 'Blue Yonder', 'Adventure Works',
    'Litware', 'Proseware', 'Wide World Importers', 'Coho Winery', 'Fourth Coffee', 'Lucerne Publishing',
];

/** What a contact came for (the schema's `product_interest`). */
export const productInterests = new WeightedTable<'Software' | 'Marketing' | 'Analytics'>([
    ['Software', 40],
    ['Marketing', 35],
    ['Analytics', 25],
]);

/** Job titles of people interested in the software product. */
export const softwareTitles: readonly string[] = [
    'Software Developer', 'Senior Software Developer', 'Frontend Developer', 'Backend Developer',
    'Full Stack Developer', 'Lead Developer', 'Developer Advocate', 'Software Engineer', 'DevOps Engineer',
    'Engineering Manager', 'CTO',
];

/** Job titles of people interested in the marketing product. */
export const marketingTitles: readonly string[] = [
    'Marketing Manager', 'Head of Marketing', 'Digital Marketing Specialist', 'Product Marketing Manager',
    'Marketing Director', 'Growth Marketer', 'Content Strategist', 'Email Marketing Manager', 'CMO',
];

/** Job titles of people interested in analytics. */
export const analyticsTitles: readonly string[] = [
    'Data Analyst', 'Data Scientist', 'BI Developer', 'Analytics Engineer', 'Head of Data', 'Business Analyst',
];

/** Job titles of anybody. */
export const otherTitles: readonly string[] = [
    'Founder', 'CEO', 'Sales Manager', 'Account Executive', 'Product Manager', 'Designer', 'Consultant',
    'Operations Manager', 'Customer Success Manager', 'Freelancer', 'Student', 'Teacher', 'Nurse', 'Retired',
];

/** Titles of people who are not at a company (no company size, consumer e-mail). */
export const nonCompanyTitles: ReadonlySet<string> = new Set(['Freelancer', 'Student', 'Teacher', 'Nurse', 'Retired']);

/** Tags the CRM users put on contacts. */
export const tagVocabulary = new WeightedTable<string>([
    ['newsletter', 30],
    ['webinar', 12],
    ['beta', 6],
    ['partner', 4],
    ['referral', 8],
    ['wholesale', 3],
    ['black-friday-2025', 6],
    ['event-lead', 7],
    ['churn-risk', 4],
    ['vip', 2],
]);

/** Where a sign-up came from (`SignedUp.source`). */
export const signupSources = new WeightedTable<string>([
    ['organic', 30],
    ['google_ads', 20],
    ['facebook', 12],
    ['instagram', 8],
    ['referral', 10],
    ['webinar', 8],
    ['partner', 5],
    ['newsletter_form', 7],
]);

/** Website goals (`Converted.goal`) and their value in dollars (`Converted.value`). */
export const conversionGoals = new WeightedTable<readonly [goal: string, value: number]>([
    [['ebook_download', 20], 30],
    [['webinar_registration', 50], 25],
    [['trial_started', 200], 20],
    [['demo_request', 500], 15],
    [['contact_sales', 800], 10],
]);
