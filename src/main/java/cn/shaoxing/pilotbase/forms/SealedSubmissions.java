package cn.shaoxing.pilotbase.forms;

import cn.shaoxing.pilotbase.platform.AppClock;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Keeps the submissions of {@link SealedForm}s out of process variables and variable history: the
 * engine holds only a reference ({@link #REFERENCE}, a local variable of the submitting scope).
 * Delegates read the values back with {@link #reveal(VariableScope)}; people read them through
 * our API by the rules of docs/adr/0030-need-to-know.md.
 */
@Service
public class SealedSubmissions {

  /** Local variable holding the id of the sealed submission of that scope. */
  public static final String REFERENCE = "sealedSubmissionId";

  /** One stored submission. */
  public record Sealed(String id, String formId, String taskId, String processInstanceId, String userId,
      Map<String, Object> values, java.util.Date submittedAt) {}

  private final JdbcTemplate jdbc;
  private final ObjectProvider<SealedForm> forms;
  private final ObjectMapper json = new ObjectMapper();

  public SealedSubmissions(JdbcTemplate jdbc, ObjectProvider<SealedForm> forms) {
    this.jdbc = jdbc;
    this.forms = forms;
  }

  public Optional<SealedForm> sealedForm(String formId) {
    return forms.stream().filter(f -> f.formId().equals(formId)).findFirst();
  }

  /** Stores the values; returns the reference. Runs inside the engine's transaction. */
  public String seal(String formId, String taskId, String processInstanceId, String userId, Map<String, Object> values) {
    String id = UUID.randomUUID().toString();
    try {
      jdbc.update("INSERT INTO frm_sealed_submission (id, form_id, task_id, process_instance_id, user_id, content,"
              + " submitted_at) VALUES (?,?,?,?,?,?,?)",
          id, formId, taskId, processInstanceId, userId, json.writeValueAsString(values),
          AppClock.timestamp());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return id;
  }

  /** The scope's variables with the sealed values of its submission (if any) laid over them. */
  public Map<String, Object> reveal(VariableScope scope) {
    Map<String, Object> all = new HashMap<>(scope.getVariables());
    Object ref = scope.getVariable(REFERENCE);
    if (ref != null) {
      find(ref.toString()).ifPresent(s -> all.putAll(s.values()));
    }
    return all;
  }

  public Optional<Sealed> find(String id) {
    return query("SELECT * FROM frm_sealed_submission WHERE id=?", id).stream().findFirst();
  }

  public List<Sealed> ofProcessInstance(String processInstanceId) {
    return query("SELECT * FROM frm_sealed_submission WHERE process_instance_id=? ORDER BY submitted_at, id",
        processInstanceId);
  }

  private List<Sealed> query(String sql, Object... args) {
    return jdbc.query(sql, (rs, i) -> new Sealed(rs.getString("id"), rs.getString("form_id"),
        rs.getString("task_id"), rs.getString("process_instance_id"), rs.getString("user_id"),
        read(rs.getString("content")), rs.getTimestamp("submitted_at")), args);
  }

  private Map<String, Object> read(String content) {
    try {
      return json.readValue(content, new TypeReference<LinkedHashMap<String, Object>>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
