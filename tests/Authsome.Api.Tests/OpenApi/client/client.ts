// Compiled against the types generated from the served OpenAPI document: if a route, a body member or an answer
// changes shape, this stops compiling.
import type { paths, components } from "./api";

type CreateOrg = paths["/v1/auth/orgs"]["post"];
type OrgBody = NonNullable<CreateOrg["requestBody"]>["content"]["application/json"];
type Org = CreateOrg["responses"][201]["content"]["application/json"];
type Authorize = paths["/v1/auth/authorize"]["post"]["responses"][200]["content"]["application/json"];
type Problem = components["schemas"]["ProblemDetails"];

const body: OrgBody = { name: "Acme", slug: "acme" };

export async function createOrganization(base: string, token: string): Promise<Org> {
  const answer = await fetch(`${base}/v1/auth/orgs`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
  if (!answer.ok) {
    const problem = (await answer.json()) as Problem;
    throw new Error(problem.title ?? "failed");
  }
  const org = (await answer.json()) as Org;
  const id: string = org.id;
  const role: string = org.role;
  return { ...org, id, role };
}

export function allowed(answer: Authorize): boolean {
  return answer.allowed;
}
