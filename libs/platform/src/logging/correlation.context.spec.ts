import { CorrelationContext } from './correlation.context';

describe(CorrelationContext.name, () => {
  describe('run', () => {
    it('should expose the id across awaits when a handler runs inside it', async () => {
      const seen = await CorrelationContext.run('evt-123', async () => {
        await new Promise((resolve) => setTimeout(resolve, 1));
        return CorrelationContext.current();
      });

      expect(seen).toBe('evt-123');
    });

    it('should restore the outer id when a nested run ends', () => {
      const seen = CorrelationContext.run('outer', () => {
        const inner = CorrelationContext.run('inner', () => CorrelationContext.current());
        return [inner, CorrelationContext.current()];
      });

      expect(seen).toEqual(['inner', 'outer']);
    });
  });

  describe('current', () => {
    it('should return undefined when called outside any run', () => {
      expect(CorrelationContext.current()).toBeUndefined();
    });
  });

  describe('accept', () => {
    it('should keep a safe id when one is given', () => {
      expect(CorrelationContext.accept('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01')).toBe(
        '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      );
    });

    it('should generate a new id when the candidate carries unsafe characters', () => {
      const id = CorrelationContext.accept('abc\r\nSet-Cookie: x=1');

      expect(id).not.toContain('\n');
      expect(id).toMatch(/^[0-9a-f-]{36}$/);
    });

    it('should generate a new id when no candidate is given', () => {
      expect(CorrelationContext.accept(undefined)).toMatch(/^[0-9a-f-]{36}$/);
    });
  });
});
