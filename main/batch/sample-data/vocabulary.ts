/**
 * Word lists for synthetic candidates. Invented for this generator (no data source copied):
 * people's names are common given and family names; companies and universities are real,
 * well-known institutions mixed with invented ones, because the evaluation prompt judges
 * company and educational pedigree and needs both kinds to tell apart.
 */
export const firstNames = [
  'Aisha', 'Alejandro', 'Amara', 'Ana', 'Andrei', 'Anika', 'Ben', 'Carlos', 'Chen', 'Chloe', 'Daniel', 'Deepa', 'Diego', 'Elena', 'Emeka',
  'Emily', 'Fatima', 'Felix', 'Grace', 'Hana', 'Hiroshi', 'Ines', 'Isaac', 'Jamal', 'James', 'Jia', 'Jonas', 'Julia', 'Kai', 'Kavya',
  'Kofi', 'Lars', 'Laura', 'Layla', 'Leon', 'Li', 'Lucas', 'Maya', 'Mateo', 'Mei', 'Mohammed', 'Nadia', 'Nikhil', 'Noah', 'Olga',
  'Omar', 'Priya', 'Rafael', 'Rahul', 'Rosa', 'Sakura', 'Samuel', 'Sara', 'Sofia', 'Tariq', 'Thomas', 'Tomasz', 'Valentina', 'Wei', 'Yara',
  'Yusuf', 'Zainab', 'Zoe', 'Arjun', 'Beatriz', 'Camille', 'Dmitri', 'Eszter', 'Farah', 'Gabriel',
] as const;

export const lastNames = [
  'Abubakar', 'Adeyemi', 'Andersson', 'Bauer', 'Bianchi', 'Chen', 'Costa', 'Dubois', 'Eriksen', 'Fernandes', 'Fischer', 'García', 'Gupta',
  'Haddad', 'Hansen', 'Hernández', 'Ivanova', 'Jansen', 'Johnson', 'Kim', 'Kowalski', 'Kumar', 'Larsen', 'Lee', 'Lopez', 'Martin', 'Mensah',
  'Moreau', 'Müller', 'Nakamura', 'Nguyen', 'Novak', 'Okafor', 'Oliveira', 'Patel', 'Petrov', 'Reyes', 'Rossi', 'Sato', 'Schmidt', 'Silva',
  'Singh', 'Smith', 'Suzuki', 'Tanaka', 'Taylor', 'Torres', 'Wang', 'Williams', 'Wójcik', 'Yamamoto', 'Yilmaz', 'Zhang', "O'Brien", 'van Dijk',
] as const;

export const companies = [
  'Google', 'Microsoft', 'Amazon', 'Meta', 'Apple', 'Stripe', 'Spotify', 'Shopify', 'Atlassian', 'SAP', 'Siemens', 'Accenture', 'Deloitte',
  'McKinsey & Company', 'Goldman Sachs', 'JPMorgan Chase', 'Salesforce', 'Adobe', 'Netflix', 'Airbnb', 'Uber', 'Booking.com', 'Zalando',
  'Klarna', 'Revolut', 'Datadog', 'Snowflake', 'Databricks', 'NVIDIA', 'Intel', 'IBM', 'Oracle', 'Infosys', 'Tata Consultancy Services',
  'Northwind Analytics', 'Bluefin Logistics', 'Cobalt Health', 'Harbor Robotics', 'Lumen Retail Group', 'Meridian Insurance', 'Pinecrest Bank',
  'Quartz Labs', 'Redwood Energy', 'Silverline Media', 'Tandem Software', 'Umbra Security', 'Vantage Foods', 'Willow Education', 'Zephyr Mobility',
  'Acme Manufacturing', 'Brightpath Consulting', 'Crescent Pharma', 'Delta Civic Services', 'Evergreen Hospitality', 'Fjord Maritime',
] as const;

export const universities = [
  'Massachusetts Institute of Technology', 'Stanford University', 'University of Cambridge', 'University of Oxford', 'ETH Zurich',
  'Imperial College London', 'University of California, Berkeley', 'Carnegie Mellon University', 'Harvard University', 'Princeton University',
  'National University of Singapore', 'Tsinghua University', 'University of Toronto', 'Technical University of Munich', 'EPFL',
  'Indian Institute of Technology Bombay', 'University of Tokyo', 'KTH Royal Institute of Technology', 'Delft University of Technology',
  'University of Manchester', 'University of Leeds', 'Ohio State University', 'Arizona State University', 'University of São Paulo',
  'Universidad de Buenos Aires', 'University of Lagos', 'University of Nairobi', 'Warsaw University of Technology', 'Politecnico di Milano',
  'Sorbonne University', 'Humboldt University of Berlin', 'University of Amsterdam', 'Seoul National University', 'Monash University',
  'Northgate Community College', 'Riverside State University', 'Lakeshore Institute of Technology', 'Westbrook Business School',
] as const;

export const degrees = [
  ['BSc', 'Bachelor of Science'], ['BA', 'Bachelor of Arts'], ['BEng', 'Bachelor of Engineering'], ['MSc', 'Master of Science'],
  ['MA', 'Master of Arts'], ['MBA', 'Master of Business Administration'], ['MEng', 'Master of Engineering'], ['PhD', 'Doctor of Philosophy'],
  ['AS', 'Associate of Science'],
] as const;

export const fieldsOfStudy = [
  'Computer Science', 'Software Engineering', 'Electrical Engineering', 'Mechanical Engineering', 'Mathematics', 'Statistics', 'Physics',
  'Economics', 'Business Administration', 'Finance', 'Marketing', 'Psychology', 'Human Resources Management', 'Industrial Design',
  'Data Science', 'Information Systems', 'Chemistry', 'Biology', 'Communications', 'Supply Chain Management', 'Linguistics',
] as const;

export const seniority = ['', '', '', 'Junior ', 'Senior ', 'Senior ', 'Lead ', 'Principal ', 'Staff '] as const;

export const roles = [
  'Software Engineer', 'Backend Engineer', 'Frontend Developer', 'Full Stack Developer', 'Data Scientist', 'Data Engineer', 'Machine Learning Engineer',
  'Product Manager', 'Product Designer', 'UX Researcher', 'DevOps Engineer', 'Site Reliability Engineer', 'Security Engineer', 'QA Engineer',
  'Engineering Manager', 'Data Analyst', 'Business Analyst', 'Financial Analyst', 'Accountant', 'Marketing Manager', 'Growth Marketer',
  'Sales Manager', 'Account Executive', 'Customer Success Manager', 'HR Business Partner', 'Recruiter', 'Talent Acquisition Partner',
  'Operations Manager', 'Supply Chain Analyst', 'Project Manager', 'Management Consultant', 'Technical Writer', 'Solutions Architect',
] as const;

export const skills = [
  'Python', 'TypeScript', 'JavaScript', 'Go', 'Rust', 'Java', 'Kotlin', 'C++', 'SQL', 'PostgreSQL', 'MongoDB', 'Redis', 'Kafka', 'Spark',
  'Airflow', 'dbt', 'Snowflake', 'AWS', 'Azure', 'Google Cloud', 'Kubernetes', 'Docker', 'Terraform', 'React', 'Node.js', 'GraphQL',
  'Machine Learning', 'PyTorch', 'TensorFlow', 'Statistics', 'A/B Testing', 'Tableau', 'Power BI', 'Excel', 'Financial Modeling',
  'Stakeholder Management', 'Agile', 'Scrum', 'Product Strategy', 'User Research', 'Figma', 'SEO', 'Salesforce', 'Negotiation',
  'Recruiting', 'Coaching', 'Public Speaking', 'Project Management', 'Budgeting', 'Risk Management', 'Technical Writing',
] as const;

export const locations = [
  'San Francisco Bay Area', 'New York, New York, United States', 'London, England, United Kingdom', 'Berlin, Germany', 'Amsterdam, Netherlands',
  'Toronto, Ontario, Canada', 'Bengaluru, Karnataka, India', 'Singapore', 'Sydney, New South Wales, Australia', 'São Paulo, Brazil',
  'Lagos, Nigeria', 'Nairobi, Kenya', 'Warsaw, Poland', 'Madrid, Spain', 'Paris, Île-de-France, France', 'Stockholm, Sweden',
  'Austin, Texas, United States', 'Seattle, Washington, United States', 'Zurich, Switzerland', 'Tokyo, Japan', 'Remote',
] as const;

export const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'] as const;

/** Sentence templates for role descriptions; {skill}, {n}, {team}, {thing} are filled in. */
export const achievements = [
  'Led a team of {n} engineers delivering {thing} used by millions of customers across {n} markets.',
  'Designed and shipped {thing}, cutting processing time by {n}% and saving roughly {n}0,000 dollars a year.',
  'Owned the roadmap for {thing}, working with {team} to prioritise features against revenue and risk.',
  'Migrated legacy services to {skill}, improving reliability from three to four nines over {n} quarters.',
  'Built internal tooling in {skill} that {team} now use daily for reporting and forecasting.',
  'Mentored {n} junior colleagues, {n} of whom were later promoted, and ran the weekly {skill} guild.',
  'Negotiated contracts with {n} vendors and reduced annual spend by {n}% without losing service quality.',
  'Introduced {skill} practices across {team}, reducing incidents by {n}% year over year.',
  'Partnered with {team} to launch {thing} in {n} new regions, growing active users by {n}%.',
  'Ran {n} customer research studies that reshaped the onboarding flow and lifted conversion by {n}%.',
  'Automated the monthly close with {skill}, shortening it from {n} days to {n} days.',
  'Represented the company at {n} industry conferences and published {n} articles on {skill}.',
  'Hired and onboarded {n} people in {n} months while keeping the offer acceptance rate above {n}0%.',
  'Rebuilt the data pipeline for {thing} on {skill}, handling {n} million events per day.',
  'Coordinated a cross-functional programme of {n} teams to deliver {thing} on time and under budget.',
] as const;

export const things = [
  'the payments platform', 'a fraud detection service', 'the mobile checkout', 'an analytics dashboard', 'the pricing engine',
  'a customer data platform', 'the recommendation system', 'an internal developer portal', 'the supplier onboarding process',
  'a talent analytics programme', 'the search experience', 'a forecasting model', 'the billing system', 'a compliance reporting suite',
] as const;

export const teams = ['product and design', 'sales and marketing', 'finance', 'operations', 'the platform team', 'legal and compliance', 'customer support', 'data science'] as const;

export const headlines = [
  '{title} at {company}', '{title} | {skill} | {skill}', 'Helping teams ship {thing}', '{title} passionate about {skill} and {skill}',
  '{title} · ex-{company}', 'Building {thing} at {company}',
] as const;
