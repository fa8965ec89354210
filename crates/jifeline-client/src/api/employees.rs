//! `client.employees()`: list, create, read (including `me`) and change employees.

use partner_core::{Error, Request};

use super::list::ListQuery;
use crate::client::{JifelineClient, validated};
use crate::models::{Employee, EmployeeChange, EmployeeRef, NewEmployee};
use crate::operations as ops;

/// Employee calls. Get it from [`JifelineClient::employees`].
#[derive(Debug, Clone, Copy)]
pub struct Employees<'a> {
    pub(crate) client: &'a JifelineClient,
}

impl Employees<'_> {
    /// Lists employees.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let page = client.employees().list().send().await?;
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> ListQuery<Employee> {
        ListQuery::new(self.client, ops::LIST_EMPLOYEES)
    }

    /// Adds an employee. Not retried automatically.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// use jifeline_client::models::NewEmployee;
    /// let e = client.employees().create(&NewEmployee::new("John", "Smith", "john.smith@my-garage.com").locale("en-GB")).await?;
    /// # Ok(()) }
    /// ```
    pub async fn create(&self, employee: &NewEmployee) -> Result<Employee, Error> {
        validated(self.client, employee)?;
        self.client
            .get(Request::new(ops::CREATE_EMPLOYEE).json(employee)?)
            .await
    }

    /// Gets an employee by ID, or `EmployeeRef::Me`.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// use jifeline_client::models::EmployeeRef;
    /// let me = client.employees().get(EmployeeRef::Me).await?;
    /// # Ok(()) }
    /// ```
    pub async fn get(&self, employee: impl Into<EmployeeRef>) -> Result<Employee, Error> {
        self.client
            .get(Request::new(ops::GET_EMPLOYEE).path_param("employeeId", employee.into()))
            .await
    }

    /// Gets the logged-in employee (`me`).
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// let me = client.employees().me().await?;
    /// # Ok(()) }
    /// ```
    pub async fn me(&self) -> Result<Employee, Error> {
        self.get(EmployeeRef::Me).await
    }

    /// Changes an employee.
    ///
    /// ```no_run
    /// # async fn run(client: jifeline_client::JifelineClient) -> Result<(), jifeline_client::Error> {
    /// use jifeline_client::models::{EmployeeChange, EmployeeRef};
    /// let change = EmployeeChange::new("John", "Smith", "john.smith@my-garage.com").enabled(false);
    /// let e = client.employees().change(EmployeeRef::Me, &change).await?;
    /// # Ok(()) }
    /// ```
    pub async fn change(
        &self,
        employee: impl Into<EmployeeRef>,
        change: &EmployeeChange,
    ) -> Result<Employee, Error> {
        validated(self.client, change)?;
        self.client
            .get(
                Request::new(ops::CHANGE_EMPLOYEE)
                    .path_param("employeeId", employee.into())
                    .json(change)?,
            )
            .await
    }
}
