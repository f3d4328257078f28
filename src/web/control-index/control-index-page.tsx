// The control plane's index as a page, for a browser that opens /_mock.
import { PageShell } from '../layout/page-shell.js';
import type { ControlGroup } from './control-routes-index.js';

export function ControlIndexPage({ groups }: { groups: readonly ControlGroup[] }) {
  return (
    <PageShell title="Control plane" current="control">
      <h1>Control plane</h1>
      <p class="muted">
        Everything under <code>/_mock</code> is the mock's own: not part of Skolverket's APIs. Ask with{' '}
        <code>Accept: application/json</code> for this index as JSON.
      </p>
      {groups.map((group) => (
        <section class="card">
          <h2 style="margin-top:0">{group.name}</h2>
          <table>
            <tbody>
              {group.routes.map((route) => (
                <tr>
                  <td style="width:14rem" class="mono">
                    {route.methods.join(' ')}
                  </td>
                  <td style="width:34rem" class="mono">
                    {route.methods.includes('GET') &&
                    !route.path.includes('{') &&
                    !route.path.includes('…') ? (
                      <a href={route.path}>{route.path}</a>
                    ) : (
                      route.path
                    )}
                  </td>
                  <td>{route.what}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </PageShell>
  );
}
