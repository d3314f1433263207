/** A realistic pair: a mid-level data engineer's CV and a senior data engineer's job description. */

export const seniorDataEngineerJd = `Senior Data Engineer – Northwind Logistics (Rotterdam, hybrid)

About the role
Northwind moves two million parcels a week across the Benelux. As a Senior Data Engineer you will design, build and run the streaming and batch pipelines that feed our routing, pricing and customer-service teams, and you will help the team grow.

What you will do
- Design and operate event pipelines that process parcel scans in near real time.
- Own our orchestration layer and the reliability of the nightly warehouse loads.
- Work with analysts and product managers to turn questions into well-modelled datasets.
- You will mentor junior engineers and lead design reviews.

Requirements (must have)
- 5+ years of experience building data pipelines in Python and SQL.
- Production experience with Apache Kafka for event streaming is required.
- Must have hands-on experience orchestrating workflows with Apache Airflow.
- Strong knowledge of AWS (S3, Glue, EMR, Redshift) is essential.
- Experience with Spark for large-scale processing.

Nice to have
- Experience with dbt for transformations.
- Familiarity with Terraform or other infrastructure-as-code tools.
- Knowledge of Kubernetes.
- Exposure to data quality tooling such as Great Expectations.

What we offer
- A pension plan, 27 days of holiday and a learning budget.
- Docker-based local environments and a modern laptop.
`;

export const dataEngineerCv = `Priya Raman
Data Engineer · Utrecht · priya.raman@example.com

Summary
Data engineer with four years of experience building batch pipelines for retail and logistics analytics. Comfortable across Python, SQL and cloud warehouses.

Experience

Data Engineer, Bolt Retail Analytics (2021 – present)
- Built and maintained 40+ Python ETL jobs loading sales and stock data into BigQuery on Google Cloud.
- Rewrote the slowest reporting queries in SQL, cutting the nightly load from 3 hours to 50 minutes.
- Developed Spark jobs on Dataproc to deduplicate 2 billion clickstream events a month.
- Introduced dbt models and tests for the finance marts, adopted by three analyst teams.
- Scheduled jobs with cron; started migrating two of them to Airflow DAGs in a sandbox.
- Onboarded two interns and reviewed their pull requests.

Junior Data Analyst, Cargoline (2019 – 2021)
- Wrote SQL reports in PostgreSQL for the operations team.
- Automated weekly Excel reports with Python and pandas.

Skills
Python, SQL, Spark, dbt, BigQuery, PostgreSQL, Docker, Git, Airflow (basic)

Education
BSc Computer Science, Utrecht University (2019)
Courses: AWS Cloud Practitioner (online course, 2023)
`;
