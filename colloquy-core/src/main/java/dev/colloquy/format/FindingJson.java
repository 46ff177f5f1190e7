package dev.colloquy.format;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import dev.colloquy.model.Finding;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;

/**
 * A finding in a record tree that is about to be written: {"type": ..., then its record components}, the same
 * JSON as {@link RecordEncoder#findingJson}'s map, written straight to the generator by the finding's own bean
 * serializer instead of being converted into a map first (Jackson's {@code convertValue} buffers every token and
 * builds the map back from them: about a seventh of the time spent rendering output lines).
 */
record FindingJson(Finding finding) implements JsonSerializable {

    static final String TYPE = "type";

    @Override
    public void serialize(JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeStartObject();
        gen.writeStringField(TYPE, finding.type());
        JsonSerializer<Object> serializer = provider.findValueSerializer(finding.getClass());
        if (serializer instanceof BeanSerializerBase bean) {
            for (Iterator<PropertyWriter> it = bean.properties(); it.hasNext(); ) {
                PropertyWriter property = it.next();
                if (!property.getName().equals(TYPE)) {
                    writeField(property, gen, provider);
                }
            }
        } else {
            // not a bean: whatever the map form holds after its type
            for (Map.Entry<String, Object> e : RecordEncoder.findingJson(finding).entrySet()) {
                if (!e.getKey().equals(TYPE)) {
                    gen.writeFieldName(e.getKey());
                    provider.defaultSerializeValue(e.getValue(), gen);
                }
            }
        }
        gen.writeEndObject();
    }

    private void writeField(PropertyWriter property, JsonGenerator gen, SerializerProvider provider)
            throws IOException {
        try {
            property.serializeAsField(finding, gen, provider);
        } catch (IOException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw JsonMappingException.from(gen, "cannot write " + finding.type() + "." + property.getName(), e);
        }
    }

    @Override
    public void serializeWithType(JsonGenerator gen, SerializerProvider provider, TypeSerializer typeSer)
            throws IOException {
        serialize(gen, provider);
    }
}
