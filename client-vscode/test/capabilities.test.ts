import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { capabilityNames, describeServer, serverCommands } from '../src/capabilities';

describe('capabilityNames', () => {
  it('lists present capabilities, sorted, without the switched-off ones', () => {
    assert.deepEqual(
      capabilityNames({
        textDocumentSync: 2,
        hoverProvider: true,
        completionProvider: { triggerCharacters: ['@'] },
        codeActionProvider: false,
        renameProvider: undefined,
        definitionProvider: null,
      }),
      ['completionProvider', 'hoverProvider', 'textDocumentSync'],
    );
  });
  it('is empty for no capabilities', () => {
    assert.deepEqual(capabilityNames(undefined), []);
    assert.deepEqual(capabilityNames({}), []);
  });
});

describe('describeServer', () => {
  it('names the server, its version and its capabilities', () => {
    assert.equal(
      describeServer({ name: 'bibmark', version: '0.1.0' }, { hoverProvider: true, codeActionProvider: { codeActionKinds: ['quickfix'] } }),
      'bibmark 0.1.0 ready; capabilities: codeActionProvider, hoverProvider',
    );
  });
  it('copes with a server that sends no info', () => {
    assert.equal(describeServer(undefined, undefined), 'server ready; capabilities: none');
  });
});

describe('serverCommands', () => {
  it('lists the executeCommandProvider commands, or none', () => {
    assert.deepEqual(serverCommands({ executeCommandProvider: { commands: ['bibmark.export', 'bibmark.checkWorkspace'] } }), [
      'bibmark.export',
      'bibmark.checkWorkspace',
    ]);
    assert.deepEqual(serverCommands({ hoverProvider: true } as object), []);
    assert.deepEqual(serverCommands(undefined), []);
  });
});
